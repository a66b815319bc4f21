package dev.tally.audit.scan;

import dev.tally.audit.common.cli.CliErrorHandling;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Runs {@code scan args}; without {@code --region} or {@code --profile} it adds {@code --region us-east-1}, since
     * the test machine has no AWS configuration (and a scan without a region is, rightly, a usage error).
     */
    public static Run run(InMemoryBackend backend, Path userPriceTable, String... args) {
        // The temporary folder, not the module: the repository's own tally.yaml must not steer unit tests.
        return runIn(Path.of(System.getProperty("java.io.tmpdir")), backend, userPriceTable, args);
    }

    /** As {@link #run}, looking for {@code tally.yaml} from {@code workingDir}. */
    public static Run runIn(Path workingDir, InMemoryBackend backend, Path userPriceTable, String... args) {
        CommandLine cli = CliErrorHandling.install(new CommandLine(
                new ScanCommand(() -> backend, CLOCK, userPriceTable, false, workingDir)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--region") && !all.contains("--profile")) {
            all.add("--region");
            all.add("us-east-1");
        }
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
