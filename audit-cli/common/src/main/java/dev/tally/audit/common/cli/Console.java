package dev.tally.audit.common.cli;

import java.io.PrintWriter;

/**
 * What a command says on stderr besides its report: status lines ("wrote ..."), silenced by {@code --quiet}, and
 * warnings (deprecations), which are always shown. Every line starts with {@code tally:} so it can be told from a
 * report on a shared terminal.
 */
public final class Console {
    private final PrintWriter err;
    private final boolean quiet;

    public Console(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** A status line, unless {@code --quiet}. */
    public void status(String line) {
        if (!quiet) {
            err.println("tally: " + line);
            err.flush();
        }
    }

    /** A warning, shown even with {@code --quiet}. */
    public void warn(String line) {
        err.println("tally: warning: " + line);
        err.flush();
    }

    /** The deprecation line of an old flag spelling that still works for one release. */
    public void deprecated(String oldFlag, String newFlag) {
        warn(oldFlag + " is deprecated and will be removed in the next release; use " + newFlag);
    }

    public boolean quiet() {
        return quiet;
    }

    public PrintWriter err() {
        return err;
    }
}
