package dev.tally.audit.common.io;

import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's report files for {@code --output-file}: parent folders are created, and every file is written
 * atomically and together ({@link AtomicFiles#writeAll}), so a reader never sees half a report and a report of two
 * files is written whole or not at all.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes {@code contents} (UTF-8), in order.
     *
     * @return the files written
     * @throws UserFacingException (usage) naming the first file when a folder cannot be created or a file written;
     *                             nothing is left behind
     */
    public static List<Path> write(Map<Path, String> contents) {
        Map<Path, AtomicFiles.Content> staged = new LinkedHashMap<>();
        Path first = contents.keySet().iterator().next();
        try {
            for (Map.Entry<Path, String> file : contents.entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                if (Files.isDirectory(target)) {
                    throw UserFacingException.usage("--output-file " + file.getKey() + " is a folder: name a file");
                }
                Files.createDirectories(target.getParent());
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                staged.put(file.getKey(), out -> out.write(bytes));
            }
            AtomicFiles.writeAll(staged);
        } catch (IOException e) {
            throw UserFacingException.usage("--output-file: cannot write " + first + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        return List.copyOf(contents.keySet());
    }
}
