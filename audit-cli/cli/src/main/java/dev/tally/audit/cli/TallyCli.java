package dev.tally.audit.cli;

import dev.tally.audit.chargeback.ChargebackCommand;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.estimate.EstimateCommand;
import dev.tally.audit.scan.ScanCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tally}: the cost-audit CLI. One subcommand per job; this class only wires them and maps errors to exits. */
@Command(name = "tally",
        mixinStandardHelpOptions = true,
        versionProvider = TallyCli.Version.class,
        description = "Finds AWS waste and exposure, prices it, produces the monthly chargeback report, and estimates what a CDK app will cost before it is deployed.",
        subcommands = {ScanCommand.class, ChargebackCommand.class, EstimateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the --fail-on threshold",
            "1:findings at or above the threshold (estimate: the cost is above --fail-above)",
            "2:usage error (bad flag, value or input file)",
            "3:partial failure (a region or account failed, or a report did not reconcile)"})
public final class TallyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'tally scan', 'tally chargeback' or 'tally estimate'");
    }

    /** Builds the command line with Tally's error handling: one clear line and the right exit code, never a trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TallyCli());
        // picocli gives each subcommand its own -V; without this, `tally scan -V` would print nothing.
        Version version = new Version();
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        cli.setExitCodeExceptionMapper(TallyCli::exitCodeFor);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tally: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tally: " + describe(ex));
            return exitCodeFor(ex);
        });
        return cli;
    }

    static int exitCodeFor(Throwable ex) {
        if (ex instanceof UserFacingException userFacing) {
            return userFacing.exitCode();
        }
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.PARTIAL_FAILURE;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof UserFacingException) {
            return ex.getMessage();
        }
        // Unexpected: still one line, with the type so a bug report is actionable.
        return "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reads the version Maven filtered into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = TallyCli.class.getResourceAsStream("/tally-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"tally " + props.getProperty("version", "unknown")};
        }
    }
}
