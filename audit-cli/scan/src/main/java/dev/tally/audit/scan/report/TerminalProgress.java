package dev.tally.audit.scan.report;

import dev.tally.audit.scan.run.ScanProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar redrawn in place on stderr ({@code \r}), cleared when the scan ends. Only used when stderr
 * is a terminal, so redirected or piped output never contains it.
 */
public final class TerminalProgress implements ScanProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    public TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /**
     * Whether the process is interactive ({@link System#console()} present) and file descriptor 2 is a terminal
     * (Linux: {@code /proc/self/fd/2} links to a tty). Elsewhere it answers false: no bar rather than garbage.
     */
    public static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void planned(int tasks) {
        planned.addAndGet(tasks);
        draw("");
    }

    @Override
    public void finished(String what) {
        finished.incrementAndGet();
        draw(what);
    }

    @Override
    public synchronized void done() {
        err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        err.flush();
    }

    private synchronized void draw(String what) {
        int total = Math.max(planned.get(), 1);
        int done = Math.min(finished.get(), total);
        int filled = done * WIDTH / total;
        String label = what.length() > 40 ? what.substring(0, 40) : what;
        err.printf("\rscanning [%s%s] %d/%d %-40s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, label);
        err.flush();
    }
}
