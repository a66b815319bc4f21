package dev.tally.audit.chargeback.allocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of dividing a month among owners.
 *
 * @param lines         owner × service × basis amounts in cents, adding up exactly to {@code total}; no zero lines
 * @param total         the sum of every row of the month, rounded half-even to the cent
 * @param untaggedSpend the month's untagged direct usage (neither tagged nor shared) before any split, in cents as
 *                      rounded with the lines (so it equals the untagged lines of {@value AllocationRules#UNALLOCATED}
 *                      when untagged cost is kept visible)
 * @param pools         what each divided pool came to and where it went
 * @param notes         things a reader of the report must know (a pool that could not be split, for example)
 */
public record Allocation(List<AllocatedLine> lines, BigDecimal total, BigDecimal untaggedSpend,
        List<PoolSummary> pools, List<String> notes) {
    public Allocation {
        lines = List.copyOf(lines);
        pools = List.copyOf(pools);
        notes = List.copyOf(notes);
    }

    /** The amount left on {@value AllocationRules#UNALLOCATED}, in cents. */
    public BigDecimal unallocated() {
        return lines.stream().filter(line -> AllocationRules.UNALLOCATED.equals(line.owner()))
                .map(AllocatedLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
