package dev.tally.audit.chargeback.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rendered reports to {@code --output-file} atomically: each file is written to a temporary file in the same folder
 * and moved into place, so a reader (or a crash) never sees half a report, and an existing report is replaced whole.
 * When {@code --output-file} is a folder (it exists as one, or ends with a slash) the files are named
 * {@code chargeback-YYYY-MM.<ext>}.
 */
public final class ReportWriter {

    /** The files one report is written as: the main file, and for CSV the reconciliation table beside it. */
    public record ReportFiles(Map<Path, String> contents) {
        public ReportFiles {
            contents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contents));
        }
    }

    /** Where a report of {@code format} goes for {@code --output-file}; CSV gets a second file for the reconciliation. */
    public static List<Path> targets(Path out, String outText, YearMonth month, ReportFormat format) {
        boolean folder = Files.isDirectory(out) || outText.endsWith("/") || outText.endsWith(java.io.File.separator);
        Path main = folder ? out.resolve("chargeback-" + month + "." + format.extension()) : out;
        List<Path> targets = new ArrayList<>(List.of(main));
        if (format == ReportFormat.CSV) {
            String name = main.getFileName().toString();
            String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? name.substring(0, name.length() - 4) : name;
            targets.add(main.resolveSibling(stem + "-reconciliation.csv"));
        }
        return targets;
    }

    /** Writes every file (parent folders created), or none: the CLI's one writer of report files. */
    public static void write(ReportFiles files) {
        dev.tally.audit.common.io.ReportFiles.write(files.contents());
    }
}
