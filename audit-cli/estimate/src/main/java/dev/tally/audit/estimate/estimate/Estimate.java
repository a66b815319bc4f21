package dev.tally.audit.estimate.estimate;

import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.usage.UsageProfile;
import dev.tally.audit.scan.pricing.PriceTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The monthly estimate of a cloud assembly under a usage profile.
 *
 * @param assembly where the templates were read from
 * @param profile  the usage profile (its assumptions are printed with the figures)
 * @param prices   the price table (its date and source are printed with the figures)
 * @param stacks   every stack selected
 */
public record Estimate(String assembly, UsageProfile profile, PriceTable prices, List<StackCost> stacks) {
    public Estimate {
        stacks = List.copyOf(stacks);
    }

    public BigDecimal monthlyUsd() {
        return stacks.stream().map(StackCost::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Stream<ResourceCost> resources() {
        return stacks.stream().flatMap(s -> s.resources().stream());
    }

    /** Type → how many resources of it have no figure for the reason given. */
    public Map<String, Long> countByType(ResourceCost.Status status) {
        Map<String, Long> counts = new TreeMap<>();
        resources().filter(r -> r.status() == status).forEach(r -> counts.merge(r.type(), 1L, Long::sum));
        return counts;
    }
}
