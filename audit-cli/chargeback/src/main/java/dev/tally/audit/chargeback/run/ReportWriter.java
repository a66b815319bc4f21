package dev.tally.audit.chargeback.run;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rendered reports to {@code --out} atomically: each file is written to a temporary file in the same folder
 * and moved into place, so a reader (or a crash) never sees half a report, and an existing report is replaced whole.
 * When {@code --out} is a folder (it exists as one, or ends with a slash) the files are named
 * {@code chargeback-YYYY-MM.<ext>}.
 */
public final class ReportWriter {

    /** The files one report is written as: the main file, and for CSV the reconciliation table beside it. */
    public record ReportFiles(Map<Path, String> contents) {
        public ReportFiles {
            contents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contents));
        }
    }

    /** Where a report of {@code format} goes for {@code --out}; CSV gets a second file for the reconciliation. */
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

    /** Writes every file, or (on failure before the first move) none. */
    public static void write(ReportFiles files) {
        Map<Path, AtomicFiles.Content> contents = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> file : files.contents().entrySet()) {
                Files.createDirectories(file.getKey().toAbsolutePath().getParent());
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                contents.put(file.getKey(), out -> out.write(bytes));
            }
            AtomicFiles.writeAll(contents);
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot write the report to "
                    + files.contents().keySet().iterator().next() + ": " + e.getMessage(), e);
        }
    }
}
