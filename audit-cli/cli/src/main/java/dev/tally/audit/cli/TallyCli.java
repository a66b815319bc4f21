package dev.tally.audit.cli;

import dev.tally.audit.chargeback.ChargebackCommand;
import dev.tally.audit.common.cli.CliErrorHandling;
import dev.tally.audit.estimate.EstimateCommand;
import dev.tally.audit.scan.ScanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tally}: the cost-audit CLI. One subcommand per job; this class only wires them. How the CLI ends (one line and
 * the exit code of {@link dev.tally.audit.common.cli.ExitCode}, a bug-report line for internal errors, the trace only
 * under {@code --debug}) is {@link CliErrorHandling}'s, shared by every subcommand.
 */
@Command(name = "tally",
        mixinStandardHelpOptions = true,
        versionProvider = TallyVersion.class,
        description = "Finds AWS waste and exposure, prices it, produces the monthly chargeback report, and estimates what a "
                + "CDK app will cost a month before it is deployed.",
        subcommands = {ScanCommand.class, ChargebackCommand.class, EstimateCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class TallyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: try 'tally scan', 'tally chargeback', 'tally estimate' or 'tally --help'");
    }

    /** Builds the command line with Tally's error handling and exit codes on every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TallyCli());
        // picocli gives each subcommand its own -V; without this, `tally scan -V` would print nothing.
        TallyVersion version = new TallyVersion();
        applyVersion(cli, version);
        return CliErrorHandling.install(cli);
    }

    private static void applyVersion(CommandLine cli, TallyVersion version) {
        cli.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().versionProvider(version);
            applyVersion(sub, version);
        });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
