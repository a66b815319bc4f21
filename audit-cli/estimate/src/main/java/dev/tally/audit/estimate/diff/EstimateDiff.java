package dev.tally.audit.estimate.diff;

import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.StackCost;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.usage.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly difference between two estimates (a base synthesis and a new one) per stack and per resource: added,
 * removed, or changed in price or in status, each changed one with the properties that moved its price. Resources are
 * matched by stack path and logical id.
 *
 * @param base      the estimate of the base assembly ({@code --base})
 * @param head      the estimate of the new assembly
 * @param stacks    per stack: base and new totals
 * @param resources the resources whose cost or status differs, largest change first
 */
public record EstimateDiff(Estimate base, Estimate head, List<StackDelta> stacks, List<ResourceDelta> resources) {

    /**
     * One stack's totals on both sides (zero on the side it is missing from).
     *
     * @param path    the stack's path
     * @param baseUsd its base total
     * @param headUsd its new total
     */
    public record StackDelta(String path, BigDecimal baseUsd, BigDecimal headUsd) {
        public BigDecimal deltaUsd() {
            return headUsd.subtract(baseUsd);
        }
    }

    public EstimateDiff {
        stacks = List.copyOf(stacks);
        resources = List.copyOf(resources);
    }

    /** Compares two estimates. */
    public static EstimateDiff of(Estimate base, Estimate head) {
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        for (StackCost s : base.stacks()) {
            totals.computeIfAbsent(s.path(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = s.monthlyUsd();
        }
        for (StackCost s : head.stacks()) {
            totals.computeIfAbsent(s.path(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = s.monthlyUsd();
        }
        List<StackDelta> stacks = new ArrayList<>();
        totals.forEach((path, t) -> stacks.add(new StackDelta(path, t[0], t[1])));

        Map<String, ResourceCost> before = new LinkedHashMap<>();
        base.resources().forEach(r -> before.put(r.key(), r));
        Map<String, ResourceCost> after = new LinkedHashMap<>();
        head.resources().forEach(r -> after.put(r.key(), r));
        List<ResourceDelta> deltas = new ArrayList<>();
        for (ResourceCost h : after.values()) {
            ResourceCost b = before.get(h.key());
            if (b == null) {
                if (h.status() != ResourceCost.Status.FREE) {
                    deltas.add(new ResourceDelta(ResourceDelta.Change.ADDED, null, h, List.of(), List.of()));
                }
            } else if (b.monthlyUsd().compareTo(h.monthlyUsd()) != 0 || b.status() != h.status()) {
                deltas.add(new ResourceDelta(ResourceDelta.Change.CHANGED, b, h, changed(b.drivers(), h.drivers()),
                        changedUsage(b.usage(), h.usage())));
            }
        }
        for (ResourceCost b : before.values()) {
            if (!after.containsKey(b.key()) && b.status() != ResourceCost.Status.FREE) {
                deltas.add(new ResourceDelta(ResourceDelta.Change.REMOVED, b, null, List.of(), List.of()));
            }
        }
        deltas.sort(Comparator.comparing((ResourceDelta d) -> d.deltaUsd().abs()).reversed()
                .thenComparing(d -> d.any().key()));
        return new EstimateDiff(base, head, stacks, deltas);
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            String b = before.getOrDefault(key, "(not read)");
            String a = after.getOrDefault(key, "(not read)");
            if (!Objects.equals(b, a)) {
                changes.add(key + ": " + b + " -> " + a);
            }
        }
        return changes;
    }

    private static List<String> changedUsage(List<Usage.Assumption> before, List<Usage.Assumption> after) {
        Map<String, String> b = new LinkedHashMap<>();
        before.forEach(u -> b.put(u.key(), u.value()));
        Map<String, String> a = new LinkedHashMap<>();
        after.forEach(u -> a.put(u.key(), u.value()));
        return changed(b, a);
    }

    public BigDecimal baseUsd() {
        return base.monthlyUsd();
    }

    public BigDecimal headUsd() {
        return head.monthlyUsd();
    }

    public BigDecimal deltaUsd() {
        return headUsd().subtract(baseUsd());
    }

    /** The change as a percentage of the base total; empty when the base is $0. */
    public Optional<BigDecimal> deltaPercent() {
        return baseUsd().signum() == 0 ? Optional.empty()
                : Optional.of(deltaUsd().multiply(BigDecimal.valueOf(100)).divide(baseUsd(), 2, RoundingMode.HALF_UP));
    }
}
