package dev.tally.audit.common.cli;

/** The exit codes every {@code tally} subcommand shares; CI pipelines branch on them, so they never change meaning. */
public final class ExitCode {
    /** Nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the {@code --fail-on} threshold. */
    public static final int FINDINGS = 1;
    /** The command line or an input file is wrong; nothing was done. */
    public static final int USAGE = 2;
    /** Part of the work failed (a region, an account, a reconciliation); what was done is reported. */
    public static final int PARTIAL_FAILURE = 3;

    private ExitCode() {
    }
}
