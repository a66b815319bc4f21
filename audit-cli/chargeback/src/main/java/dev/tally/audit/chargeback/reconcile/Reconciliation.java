package dev.tally.audit.chargeback.reconcile;

import java.math.BigDecimal;
import java.util.List;

/**
 * The check printed on every chargeback report: does the report add up to the bill, to the cent?
 *
 * @param sourceTotal the month's total as the source states it (an independent ungrouped query), rounded to the cent
 * @param reportTotal the sum of every line of the report (allocated and unallocated)
 * @param difference  {@code reportTotal - sourceTotal}; anything but zero is an error
 * @param unallocated the part of the report total that no owner carries
 */
public record Reconciliation(BigDecimal sourceTotal, BigDecimal reportTotal, BigDecimal difference,
        BigDecimal unallocated) {

    public boolean balanced() {
        return difference.signum() == 0;
    }

    /** {@code reportTotal - unallocated}: what owners carry. */
    public BigDecimal allocated() {
        return reportTotal.subtract(unallocated);
    }

    public String status() {
        return balanced() ? "reconciled" : "MISMATCH";
    }

    /** The check as label/value lines, the same in every format. */
    public List<String[]> lines() {
        return List.of(
                new String[] {"source total", sourceTotal.toPlainString()},
                new String[] {"report total", reportTotal.toPlainString()},
                new String[] {"difference", difference.toPlainString()},
                new String[] {"allocated", allocated().toPlainString()},
                new String[] {"unallocated", unallocated.toPlainString()},
                new String[] {"status", status()});
    }
}
