package dev.tally.audit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of {@code tally} through the real entry point ({@link TallyCli#commandLine()}), both streams
 * captured.
 *
 * @param exitCode the exit code {@code main} would pass to {@code System.exit}
 * @param out      standard output
 * @param err      standard error
 */
record TallyRun(int exitCode, String out, String err) {

    static TallyRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TallyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new TallyRun(exit, out.toString(), err.toString());
    }
}
