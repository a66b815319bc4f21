package dev.tally.audit.chargeback.reconcile;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;

/**
 * The report does not add up to the bill: exit {@link ExitCode#UNRECONCILED} and write no report, because a
 * chargeback that finance signs must never carry a silent difference.
 */
public final class ReconciliationMismatchException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final transient Reconciliation reconciliation;

    public ReconciliationMismatchException(Reconciliation reconciliation, String currency) {
        super(ExitCode.UNRECONCILED, "the report does not reconcile: report total " + reconciliation.reportTotal()
                .toPlainString() + " " + currency + " vs source total " + reconciliation.sourceTotal().toPlainString()
                + " " + currency + " (difference " + reconciliation.difference().toPlainString()
                + "); no report written. The source's rows do not add up to its own total: re-run (the month may "
                + "still be changing) or check the source data");
        this.reconciliation = reconciliation;
    }

    public Reconciliation reconciliation() {
        return reconciliation;
    }
}
