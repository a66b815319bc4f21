package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.ChargebackCommand;
import dev.tally.audit.common.cli.CliErrorHandling;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Runs {@link ChargebackCommand} the way {@code tally} does (the CLI's one error handling: one stderr line and the
 * exit code) and captures both streams. The cli module's tests run the real {@code TallyCli} end to end.
 */
record CommandResult(int exitCode, String out, String err) {

    static CommandResult run(CostSourceFactory sources, Clock clock, String... args) {
        // The temporary folder, not the module: the repository's own tally.yaml must not steer unit tests.
        return runIn(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), sources, clock, args);
    }

    /** As {@link #run}, looking for {@code tally.yaml} from {@code workingDir}. */
    static CommandResult runIn(java.nio.file.Path workingDir, CostSourceFactory sources, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CliErrorHandling.install(new CommandLine(new ChargebackCommand(sources, clock, workingDir)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CommandResult(exit, out.toString(), err.toString());
    }
}
