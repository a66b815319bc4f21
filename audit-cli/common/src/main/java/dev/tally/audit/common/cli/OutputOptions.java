package dev.tally.audit.common.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The output flags every report-producing {@code tally} subcommand shares (a picocli mixin; {@code -o/--output} is
 * declared by each command, since each supports its own formats): where the report goes and how much is said on
 * stderr. The report alone goes to stdout (or {@code --output-file}); progress, "wrote" lines and warnings go to stderr.
 */
public final class OutputOptions {
    @Option(names = "--output-file", paramLabel = "PATH",
            description = "Write the report here instead of stdout: a file, or a folder for commands that write "
                    + "several files. Parent folders are created; files are written atomically (never half a report).")
    String outputFile;

    @Option(names = "--no-progress",
            description = "Draw no progress bar (one is drawn on stderr only when stderr is a terminal anyway).")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing on stderr but errors and warnings (no progress, no 'wrote' lines).")
    boolean quiet;

    /** {@code --output-file}, or null for stdout. */
    public Path outputFile() {
        return outputFile == null ? null : Path.of(outputFile);
    }

    /**
     * {@code --output-file} as typed, or null: a trailing slash says "a folder" even before it exists, which a
     * {@link Path} forgets.
     */
    public String outputFileText() {
        return outputFile;
    }

    /** Used by deprecated spellings ({@code --out}) that set the same destination. */
    public void outputFile(String file) {
        this.outputFile = file;
    }

    public boolean noProgress() {
        return noProgress;
    }

    public boolean quiet() {
        return quiet;
    }
}
