package dev.tally.audit.estimate.pricers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.schedule.CronSchedule;
import dev.tally.audit.estimate.schedule.ScheduledCapacity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Application Auto Scaling target that scales a resource (a Lambda alias's provisioned concurrency, an ECS
 * service's task count), found by its {@code ResourceId} referring to the resource, and the floor its scheduled
 * actions hold through a typical year.
 */
final class ScalingTargets {
    private static final String TYPE = "AWS::ApplicationAutoScaling::ScalableTarget";

    private ScalingTargets() {
    }

    /**
     * A scalable target of {@code dimension} whose {@code ResourceId} refers to one of {@code targets}.
     *
     * @return the target's floor and ceiling, or empty when none scales them
     */
    static Optional<Scaling> find(PricingContext context, String dimension, Collection<String> targets) {
        for (String id : context.stack().ofType(TYPE)) {
            JsonNode raw = context.scope().resource(id).path("Properties");
            if (!dimension.equals(raw.path("ScalableDimension").asText())) {
                continue;
            }
            if (context.scope().referencedResources(raw.path("ResourceId")).stream().noneMatch(targets::contains)) {
                continue;
            }
            ResourceView target = new ResourceView(context.scope(), id);
            int min = (int) target.number("MinCapacity", 0);
            int max = (int) target.number("MaxCapacity", Integer.MAX_VALUE);
            List<ScheduledCapacity.Action> actions = new ArrayList<>();
            for (JsonNode action : target.property("ScheduledActions").orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
                JsonNode scaling = action.path("ScalableTargetAction");
                if (action.hasNonNull("Timezone") && !action.path("Timezone").asText().equals("UTC")
                        && !action.path("Timezone").asText().equals("Etc/UTC")) {
                    context.note("scheduled action " + action.path("ScheduledActionName").asText() + " is in "
                            + action.path("Timezone").asText() + ": simulated as UTC");
                }
                if (!scaling.has("MinCapacity")) {
                    continue;
                }
                actions.add(new ScheduledCapacity.Action(CronSchedule.parse(action.path("Schedule").asText()),
                        scaling.path("MinCapacity").asInt(),
                        scaling.has("MaxCapacity") ? scaling.path("MaxCapacity").asInt() : null));
            }
            ScheduledCapacity floor = actions.isEmpty() ? ScheduledCapacity.constant(min)
                    : ScheduledCapacity.simulate(min, actions);
            return Optional.of(new Scaling(id, floor, max, actions.size()));
        }
        return Optional.empty();
    }

    /**
     * A target's effect.
     *
     * @param logicalId the scalable target
     * @param floor     the minimum capacity hour by hour
     * @param max       its maximum capacity
     * @param actions   how many scheduled actions set the floor
     */
    record Scaling(String logicalId, ScheduledCapacity floor, int max, int actions) {
    }
}
