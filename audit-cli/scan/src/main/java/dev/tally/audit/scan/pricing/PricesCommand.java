package dev.tally.audit.scan.pricing;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tally scan prices}: manages the on-demand price table the scan uses. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        subcommands = {PriceRefreshCommand.class},
        description = "Manage the on-demand price table ('tally scan prices refresh').")
public final class PricesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Object scan;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'tally scan prices refresh'");
    }

    /** The {@code tally scan} command this hangs under. */
    dev.tally.audit.scan.ScanCommand scan() {
        return (dev.tally.audit.scan.ScanCommand) scan;
    }
}
