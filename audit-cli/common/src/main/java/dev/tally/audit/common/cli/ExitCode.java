package dev.tally.audit.common.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exit-code table of the whole {@code tally} CLI. Every subcommand returns one of these, the help of every
 * command lists them ({@link #TABLE}), and {@code docs/cli.md} documents them; CI pipelines branch on them, so a code
 * never changes meaning.
 */
public final class ExitCode {
    /** Success: the work is done and nothing is at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on} (scan, and any future gate). */
    public static final int FINDINGS = 1;
    /** Bad input: a flag, value, month or input file is wrong; nothing was written. */
    public static final int USAGE = 2;
    /**
     * An AWS or source failure left the result incomplete (AccessDenied, throttling that outlasted the retries, the
     * network), named with the operation, region and account. Wins over {@link #FINDINGS}: an incomplete result cannot
     * vouch for what it missed.
     */
    public static final int INCOMPLETE = 3;
    /** The report does not reconcile with its source's total; it was not written. */
    public static final int UNRECONCILED = 4;
    /** An internal error (a bug in tally): one line asks for a bug report; {@code --debug} adds the stack trace. */
    public static final int INTERNAL = 70;

    /** Code → one-line meaning, in order: what every command's help shows under "Exit codes". */
    public static final Map<String, String> TABLE = table();

    private ExitCode() {
    }

    private static Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put(String.valueOf(OK), "success (nothing at or above --fail-on)");
        table.put(String.valueOf(FINDINGS), "findings at or above --fail-on");
        table.put(String.valueOf(USAGE), "bad input (flag, value, month or file); nothing written");
        table.put(String.valueOf(INCOMPLETE), "an AWS or source failure left the result incomplete; wins over 1");
        table.put(String.valueOf(UNRECONCILED), "the report does not reconcile with its source; not written");
        table.put(String.valueOf(INTERNAL), "internal error (a bug: please report it; --debug shows the trace)");
        return java.util.Collections.unmodifiableMap(table);
    }
}
