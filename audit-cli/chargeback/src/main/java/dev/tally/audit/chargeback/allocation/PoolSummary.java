package dev.tally.audit.chargeback.allocation;

import java.math.BigDecimal;

/**
 * What happened to one pool of cost that was divided: a shared rule's pool, or the untagged pool.
 *
 * @param name             the shared rule's name, or {@code untagged}
 * @param split            how it was divided, for example {@code proportional}
 * @param amount           the pool's amount, rounded to the cent for display
 * @param owners           how many owners received a share
 * @param leftUnallocated  true when no owner could take it (for example a proportional split in a month with no
 *                         direct spend), so it stayed on {@value AllocationRules#UNALLOCATED}
 */
public record PoolSummary(String name, String split, BigDecimal amount, int owners, boolean leftUnallocated) {
}
