package dev.tally.audit.estimate.estimate;

import dev.tally.audit.estimate.price.ResourceCost;
import java.math.BigDecimal;
import java.util.List;

/**
 * One stack's estimate.
 *
 * @param path      the stack's path in the app ({@code Production/Renewal})
 * @param stackName its CloudFormation name
 * @param region    the region whose prices were used
 * @param resources every resource, priced or not
 */
public record StackCost(String path, String stackName, String region, List<ResourceCost> resources) {
    public StackCost {
        resources = List.copyOf(resources);
    }

    public BigDecimal monthlyUsd() {
        return resources.stream().map(ResourceCost::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
