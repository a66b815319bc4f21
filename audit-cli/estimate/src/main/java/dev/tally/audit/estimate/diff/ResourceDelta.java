package dev.tally.audit.estimate.diff;

import dev.tally.audit.estimate.price.ResourceCost;
import java.math.BigDecimal;
import java.util.List;

/**
 * How one resource's monthly cost moved between two syntheses.
 *
 * @param change            added, removed or changed
 * @param base              the resource in the base assembly (null when added)
 * @param head              the resource in the new assembly (null when removed)
 * @param changedProperties the template properties its price depends on whose value changed ({@code MemorySize: 1024 → 2048})
 * @param changedUsage      the usage figures that changed
 */
public record ResourceDelta(Change change, ResourceCost base, ResourceCost head, List<String> changedProperties,
        List<String> changedUsage) {

    /** What happened to the resource. */
    public enum Change { ADDED, REMOVED, CHANGED }

    public ResourceDelta {
        changedProperties = List.copyOf(changedProperties);
        changedUsage = List.copyOf(changedUsage);
    }

    /** Either side, for names. */
    public ResourceCost any() {
        return head != null ? head : base;
    }

    public BigDecimal baseUsd() {
        return base == null ? BigDecimal.ZERO : base.monthlyUsd();
    }

    public BigDecimal headUsd() {
        return head == null ? BigDecimal.ZERO : head.monthlyUsd();
    }

    public BigDecimal deltaUsd() {
        return headUsd().subtract(baseUsd());
    }
}
