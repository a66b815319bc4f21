package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The roll-up of owners to their parent (department); amounts in cents.
 *
 * @param department    the parent's name, {@code (no department)} for owners without one, or {@code (unallocated)}
 * @param owners        the owners rolled up, by name
 * @param total         their total
 * @param previousTotal their previous month's total, when known
 */
public record DepartmentCost(String department, List<String> owners, BigDecimal total,
        Optional<BigDecimal> previousTotal) {
    public DepartmentCost {
        owners = List.copyOf(owners);
    }
}
