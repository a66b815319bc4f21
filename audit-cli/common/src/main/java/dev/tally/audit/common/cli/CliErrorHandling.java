package dev.tally.audit.common.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The CLI's one way of ending: bad flags are one line and exit 2, a {@link UserFacingException} is its one line and
 * its code, and anything else is a bug — exit 70 with one line asking for a bug report, the stack trace only under
 * {@code --debug}. Also gives every command the same "Exit codes" help section from {@link ExitCode#TABLE}.
 */
public final class CliErrorHandling {
    static final String DEBUG = "--debug";

    private CliErrorHandling() {
    }

    /** Installs the handlers, {@code --debug} and the exit-code help on {@code cli} and all its subcommands. */
    public static CommandLine install(CommandLine cli) {
        CommandSpec root = cli.getCommandSpec();
        if (root.findOption(DEBUG) == null) {
            root.addOption(OptionSpec.builder(DEBUG).scopeType(ScopeType.INHERIT)
                    .description("On an internal error, print the stack trace.").build());
        }
        exitCodeHelp(cli);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tally: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserFacingException userFacing) {
                err.println("tally: " + userFacing.getMessage());
                return userFacing.exitCode();
            }
            if (ex instanceof CommandLine.ParameterException parameter) {
                err.println("tally: " + parameter.getMessage());
                return ExitCode.USAGE;
            }
            err.println("tally: internal error: " + ex.getClass().getName() + ": " + ex.getMessage());
            err.println("tally: this is a bug in tally, not in your input: please report it (an issue in the "
                    + "Tally repository) with 'tally --version', the command you ran" + (debug(parseResult) ? " and the trace below." : " and the output of the same command "
                    + "with --debug."));
            if (debug(parseResult)) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        cli.setExitCodeExceptionMapper(ex -> ex instanceof UserFacingException u ? u.exitCode()
                : ex instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL);
        return cli;
    }

    private static boolean debug(CommandLine.ParseResult parseResult) {
        return parseResult != null && parseResult.originalArgs().contains(DEBUG);
    }

    private static void exitCodeHelp(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.TABLE);
        cli.getSubcommands().values().forEach(CliErrorHandling::exitCodeHelp);
    }
}
