package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.Allocator;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.reconcile.Reconciler;
import dev.tally.audit.chargeback.reconcile.Reconciliation;
import dev.tally.audit.chargeback.reconcile.ReconciliationMismatchException;
import dev.tally.audit.chargeback.report.ChargebackReport;
import dev.tally.audit.chargeback.report.PreviousMonth;
import dev.tally.audit.chargeback.report.ReportBuilder;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One chargeback: load the month, allocate, reconcile, load the previous month for comparison, build the report.
 * Writes nothing; a report only exists once it has reconciled.
 */
public final class ChargebackRun {
    private final CostSource source;
    private final AllocationRules rules;
    private final String rulesOrigin;
    private final Clock clock;

    public ChargebackRun(CostSource source, AllocationRules rules, String rulesOrigin, Clock clock) {
        this.source = source;
        this.rules = rules;
        this.rulesOrigin = rulesOrigin;
        this.clock = clock;
    }

    /**
     * @throws ReconciliationMismatchException when the allocated lines do not add up to the source's total
     * @throws UserFacingException             for bad input the source reports (empty month, mixed currencies...)
     */
    public ChargebackReport produce(YearMonth month, CostMetric metric) {
        MonthlyCost current = source.load(month, metric, rules.ownerTagKeys());
        Allocator allocator = new Allocator(rules);
        Allocation allocation = allocator.allocate(current.rows());
        Reconciliation reconciliation = Reconciler.reconcile(current, allocation);
        if (!reconciliation.balanced()) {
            throw new ReconciliationMismatchException(reconciliation, current.currency());
        }
        YearMonth previousMonth = month.minusMonths(1);
        Optional<Allocation> previousAllocation = Optional.empty();
        PreviousMonth previous;
        try {
            MonthlyCost before = source.load(previousMonth, metric, rules.ownerTagKeys());
            if (before.currency().equals(current.currency())) {
                previousAllocation = Optional.of(allocator.allocate(before.rows()));
                previous = new PreviousMonth(previousMonth, true, "");
            } else {
                previous = new PreviousMonth(previousMonth, false, previousMonth + " is in " + before.currency()
                        + ", this month in " + current.currency() + "; amounts in two currencies are not compared.");
            }
        } catch (UserFacingException unavailable) {
            // A source without that month (or without the tag then) is normal: say so in the report, never show 0%.
            if (unavailable.exitCode() != ExitCode.USAGE) {
                throw unavailable;
            }
            previous = new PreviousMonth(previousMonth, false, unavailable.getMessage());
        }
        return new ReportBuilder(rules, rulesOrigin).build(current, allocation, reconciliation, previousAllocation,
                previous, clock.instant());
    }
}
