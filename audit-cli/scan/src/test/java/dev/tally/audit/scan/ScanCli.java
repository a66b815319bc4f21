package dev.tally.audit.scan;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * Runs {@code scan} the way {@code tally} does (same error handling as TallyCli: one line, the right exit code) over
 * an in-memory backend, capturing stdout and stderr.
 */
public final class ScanCli {
    /** Scans "run" on 2026-11-23, so the last metrics day is {@link Fixtures#LAST_DAY}. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    /** The outcome of one invocation. */
    public record Run(int exitCode, String out, String err) {
    }

    private ScanCli() {
    }

    public static Run run(InMemoryBackend backend, Path userPriceTable, String... args) {
        CommandLine cli = new CommandLine(new ScanCommand(() -> backend, CLOCK, userPriceTable, false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tally: " + ex.getMessage());
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tally: " + (ex instanceof UserFacingException ? ex.getMessage()
                    : "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
            return ex instanceof UserFacingException u ? u.exitCode() : ExitCode.PARTIAL_FAILURE;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
