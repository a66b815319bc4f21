package dev.tally.audit.estimate.pricers;

import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AWS::Lambda::Function}: requests, duration in GB-seconds at the function's memory and architecture, and
 * provisioned concurrency for the hours the scalable target's scheduled actions actually hold it (found through the
 * function's aliases), or around the clock when an alias or version sets it without a scaling target. Requests served
 * by provisioned concurrency ({@code provisionedShare}) pay the lower provisioned duration rate.
 */
public final class LambdaFunctionPricer implements ResourcePricer {
    static final String PROVISIONED_DIMENSION = "lambda:function:ProvisionedConcurrency";

    @Override
    public String resourceType() {
        return "AWS::Lambda::Function";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("requestsPerMonth", "invocations/month", 0, "invocations per month"),
                new UsageKey("averageDurationMs", "ms", 100, "average billed duration of one invocation"),
                new UsageKey("provisionedShare", "fraction 0-1", 0,
                        "share of invocations served by provisioned concurrency (billed at its duration rate)"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView fn = context.resource();
        Usage usage = context.usage();
        double memoryGb = fn.number("MemorySize", 128) / 1024.0;
        String arch = fn.property("Architectures").map(a -> a.path(0).asText("x86_64")).orElse("x86_64")
                .toLowerCase(Locale.ROOT);
        double ephemeralMb = fn.number("EphemeralStorage.Size", 512);
        double requests = usage.number("requestsPerMonth");
        double durationS = usage.number("averageDurationMs") / 1000.0;
        double provisionedShare = Math.max(0, Math.min(1, usage.number("provisionedShare")));

        List<CostLine> lines = new ArrayList<>();
        lines.add(CostLine.of("requests", requests / 1e6, "1M requests",
                context.rates().rate(PriceKind.LAMBDA, "requests.per-million")));
        double gbSeconds = requests * durationS * memoryGb;
        lines.add(CostLine.of("duration (" + arch + ", " + (int) (memoryGb * 1024) + " MB)",
                gbSeconds * (1 - provisionedShare), "GB-second",
                context.rates().rate(PriceKind.LAMBDA, "duration.gb-second." + arch)));
        if (provisionedShare > 0) {
            lines.add(CostLine.of("duration on provisioned concurrency", gbSeconds * provisionedShare, "GB-second",
                    context.rates().rate(PriceKind.LAMBDA, "provisioned-duration.gb-second." + arch)));
        }
        if (ephemeralMb > 512) {
            lines.add(CostLine.of("ephemeral storage over 512 MB", gbSeconds / memoryGb * (ephemeralMb - 512) / 1024,
                    "GB-second", context.rates().rate(PriceKind.LAMBDA, "ephemeral-storage.gb-second")));
        }
        provisionedConcurrencyHours(context).ifPresent(hours -> lines.add(CostLine.of(
                "provisioned concurrency (" + Usage.format(Math.round(hours * 10) / 10.0) + " concurrency-hours)",
                hours * 3600 * memoryGb, "GB-second",
                context.rates().rate(PriceKind.LAMBDA, "provisioned.gb-second." + arch))));
        return lines;
    }

    /** Concurrency-hours per month: from the scaling target of an alias or the function, else a static setting. */
    private Optional<Double> provisionedConcurrencyHours(PricingContext context) {
        String function = context.resource().logicalId();
        Set<String> targets = new LinkedHashSet<>();
        targets.add(function);
        targets.addAll(context.stack().referrers("AWS::Lambda::Alias", function));
        targets.addAll(context.stack().referrers("AWS::Lambda::Version", function));
        Optional<ScalingTargets.Scaling> scaling = ScalingTargets.find(context, PROVISIONED_DIMENSION, targets);
        if (scaling.isPresent()) {
            ScalingTargets.Scaling s = scaling.get();
            context.note("provisioned concurrency from " + s.logicalId() + ": " + s.actions()
                    + " scheduled actions hold it " + Usage.format(Math.round(s.floor().activeHoursPerMonth() * 10) / 10.0)
                    + " h in an average month, not 730 h");
            return Optional.of(s.floor().capacityHoursPerMonth());
        }
        double fixed = 0;
        for (String id : targets) {
            if (id.equals(function)) {
                continue;
            }
            fixed += new ResourceView(context.scope(), id)
                    .number("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions", 0);
        }
        if (fixed > 0) {
            context.note("provisioned concurrency " + Usage.format(fixed) + " set without a scaling target: 730 h");
            return Optional.of(fixed * 730);
        }
        return Optional.empty();
    }
}
