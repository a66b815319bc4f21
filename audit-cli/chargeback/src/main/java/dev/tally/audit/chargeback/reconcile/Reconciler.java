package dev.tally.audit.chargeback.reconcile;

import dev.tally.audit.chargeback.allocation.AllocatedLine;
import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.CentApportionment;
import dev.tally.audit.chargeback.model.MonthlyCost;
import java.math.BigDecimal;

/**
 * Compares the report with the source's own total. The report side is re-added from the report's lines (not taken
 * from the allocator's bookkeeping), so a row dropped or double-counted anywhere between the source and the lines
 * shows up as a difference.
 */
public final class Reconciler {
    private Reconciler() {
    }

    public static Reconciliation reconcile(MonthlyCost month, Allocation allocation) {
        BigDecimal source = CentApportionment.toCents(month.sourceTotal());
        BigDecimal report = allocation.lines().stream().map(AllocatedLine::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Reconciliation(source, report, report.subtract(source), allocation.unallocated());
    }
}
