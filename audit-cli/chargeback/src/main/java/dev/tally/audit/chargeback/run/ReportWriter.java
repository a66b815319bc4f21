package dev.tally.audit.chargeback.run;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> file : files.contents().entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                staged.put(temp, target);
                Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                moveIntoPlace(move.getKey(), move.getValue());
            }
        } catch (IOException e) {
            deleteQuietly(staged.keySet());
            throw new UserFacingException(ExitCode.USAGE, "cannot write the report to "
                    + files.contents().keySet().iterator().next() + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Iterable<Path> temps) {
        for (Path temp : temps) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanupFailed) {
                // The write already failed and is being reported; a stray .tmp file is the lesser problem.
                temp.toFile().deleteOnExit();
            }
        }
    }
}
