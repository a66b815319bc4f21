package dev.tally.audit.estimate.pricers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.MissingPrice;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.resolve.Unresolvable;
import dev.tally.audit.estimate.schedule.ScheduledCapacity;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AWS::ECS::Service} on Fargate: vCPU- and GB-hours of its task definition, by CPU architecture, for the tasks
 * it runs hour by hour through a typical year. The task count in an hour is the demand the profile describes
 * ({@code baselineTasks}, raised to {@code peak.tasks} from {@code peak.fromDay} to {@code peak.toDay} of each month),
 * never below the floor of the service's scalable target (its {@code MinCapacity} and scheduled actions) and never
 * above its ceiling; without a target, the service's {@code DesiredCount}. A capacity provider strategy splits the
 * tasks: the {@code base} first on its provider, the rest by weight, so the Spot share is the strategy's.
 */
public final class FargateServicePricer implements ResourcePricer {
    static final String DIMENSION = "ecs:service:DesiredCount";

    @Override
    public String resourceType() {
        return "AWS::ECS::Service";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("baselineTasks", "tasks", 0, "tasks the traffic needs outside the peak"),
                new UsageKey("peak", "{fromDay, toDay, tasks}", 0, "tasks the traffic needs in the monthly peak window"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView service = context.resource();
        String launchType = service.text("LaunchType", "");
        List<Provider> strategy = strategy(service);
        if (!launchType.equals("FARGATE") && strategy.stream().noneMatch(p -> p.name().startsWith("FARGATE"))) {
            throw new MissingPrice("ECS on EC2 capacity is priced through its instances, not the service");
        }
        String taskDefinitionId = service.rawProperties().path("TaskDefinition").path("Ref").asText("");
        if (taskDefinitionId.isEmpty()) {
            throw new Unresolvable(service.logicalId() + ".TaskDefinition: not a task definition of this template");
        }
        ResourceView task = new ResourceView(context.scope(), taskDefinitionId);
        double vcpu = task.number("Cpu", 256) / 1024.0;
        double memoryGb = task.number("Memory", 512) / 1024.0;
        String arch = task.text("RuntimePlatform.CpuArchitecture", "X86_64").toLowerCase(Locale.ROOT);
        double ephemeralGb = task.number("EphemeralStorage.SizeInGiB", 20);

        Optional<ScalingTargets.Scaling> scaling = ScalingTargets.find(context, DIMENSION, List.of(service.logicalId()));
        ScheduledCapacity floor = scaling.map(ScalingTargets.Scaling::floor)
                .orElseGet(() -> ScheduledCapacity.constant(service.number("DesiredCount", 1)));
        int ceiling = scaling.map(ScalingTargets.Scaling::max).orElse(Integer.MAX_VALUE);
        Usage usage = context.usage();
        double baseline = usage.number("baselineTasks");
        JsonNode peak = usage.structure("peak");

        double onDemandTaskHours = 0;
        double spotTaskHours = 0;
        LocalDateTime start = LocalDateTime.of(ScheduledCapacity.YEAR, 1, 1, 0, 0);
        for (int hour = 0; hour < ScheduledCapacity.HOURS; hour++) {
            int day = start.plusHours(hour).getDayOfMonth();
            double demand = peak != null && day >= peak.path("fromDay").asInt(1) && day <= peak.path("toDay").asInt(0)
                    ? peak.path("tasks").asDouble(baseline) : baseline;
            double tasks = Math.min(ceiling, Math.max(floor.at(hour), demand));
            double spot = spotTasks(strategy, tasks);
            spotTaskHours += spot;
            onDemandTaskHours += tasks - spot;
        }
        onDemandTaskHours /= 12;
        spotTaskHours /= 12;
        context.note("tasks: " + Usage.format(Math.round((onDemandTaskHours + spotTaskHours) * 10) / 10.0)
                + " task-hours in an average month (" + Usage.format(Math.round(spotTaskHours * 10) / 10.0) + " on Spot)"
                + scaling.map(s -> "; floor from " + s.logicalId() + " (" + s.actions() + " scheduled actions)").orElse(""));
        List<CostLine> lines = new ArrayList<>();
        addTaskLines(context, lines, "on-demand", arch, onDemandTaskHours, vcpu, memoryGb);
        if (spotTaskHours > 0) {
            addTaskLines(context, lines, "spot", arch, spotTaskHours, vcpu, memoryGb);
        }
        if (ephemeralGb > 20) {
            lines.add(CostLine.of("ephemeral storage over 20 GB", (onDemandTaskHours + spotTaskHours) * (ephemeralGb - 20),
                    "GB-hour", context.rates().rate(PriceKind.FARGATE, "ephemeral-storage.gb-hour")));
        }
        return lines;
    }

    private static void addTaskLines(PricingContext context, List<CostLine> lines, String market, String arch,
            double taskHours, double vcpu, double memoryGb) {
        lines.add(CostLine.of(market + " vCPU (" + arch + ")", taskHours * vcpu, "vCPU-hour",
                context.rates().rate(PriceKind.FARGATE, market + ".vcpu-hour." + arch)));
        lines.add(CostLine.of(market + " memory (" + arch + ")", taskHours * memoryGb, "GB-hour",
                context.rates().rate(PriceKind.FARGATE, market + ".gb-hour." + arch)));
    }

    /** One capacity provider of the strategy. */
    record Provider(String name, int base, int weight) {
    }

    private static List<Provider> strategy(ResourceView service) {
        List<Provider> providers = new ArrayList<>();
        service.property("CapacityProviderStrategy").ifPresent(list -> list.forEach(p -> providers.add(new Provider(
                p.path("CapacityProvider").asText(), p.path("Base").asInt(0), p.path("Weight").asInt(0)))));
        return providers;
    }

    /** The tasks of {@code tasks} that land on FARGATE_SPOT: the base first, then the rest by weight. */
    static double spotTasks(List<Provider> strategy, double tasks) {
        if (strategy.isEmpty()) {
            return 0;
        }
        double remaining = tasks;
        double spot = 0;
        for (Provider p : strategy) {
            double base = Math.min(remaining, p.base());
            if (p.name().equals("FARGATE_SPOT")) {
                spot += base;
            }
            remaining -= base;
        }
        int totalWeight = strategy.stream().mapToInt(Provider::weight).sum();
        int spotWeight = strategy.stream().filter(p -> p.name().equals("FARGATE_SPOT")).mapToInt(Provider::weight).sum();
        if (totalWeight > 0) {
            spot += remaining * spotWeight / totalWeight;
        }
        return spot;
    }
}
