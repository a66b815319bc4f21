package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.ChargebackCommand;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Runs {@link ChargebackCommand} the way {@code tally} does (a {@link UserFacingException} becomes one stderr line and
 * its exit code) and captures both streams. The cli module's tests run the real {@code TallyCli} end to end.
 */
record CommandResult(int exitCode, String out, String err) {

    static CommandResult run(CostSourceFactory sources, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ChargebackCommand(sources, clock));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tally: " + ex.getMessage());
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (!(ex instanceof UserFacingException userFacing)) {
                throw ex;
            }
            commandLine.getErr().println("tally: " + ex.getMessage());
            return userFacing.exitCode();
        });
        int exit = cli.execute(args);
        return new CommandResult(exit, out.toString(), err.toString());
    }
}
