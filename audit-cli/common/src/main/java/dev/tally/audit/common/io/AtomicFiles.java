package dev.tally.audit.common.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes files so that a reader (or a crash) sees either the old content or the complete new one, never half: content
 * goes to a temporary file in the target's folder, which is then moved over the target. Several files can be staged
 * and committed together, so a report made of two files is written whole or not at all.
 *
 * <p>Temporary files are created with the process's default permissions (the umask), not {@code createTempFile}'s
 * owner-only 0600, so a report lands readable the way any other file the user writes does.
 */
public final class AtomicFiles {

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes one file atomically; on failure nothing is left behind and the target is untouched. */
    public static void write(Path target, Content content) throws IOException {
        writeAll(Map.of(target, content));
    }

    /**
     * Stages every file, then moves each into place. If any staging fails, none is moved and every temporary file is
     * removed. (A failure between two moves, which needs the disk to fail mid-rename, can leave the first file
     * replaced.)
     */
    public static void writeAll(Map<Path, Content> files) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Content> file : files.entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
                staged.put(temp, target);
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    file.getValue().writeTo(out);
                }
            }
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                moveIntoPlace(move.getKey(), move.getValue());
            }
            staged.clear();
        } finally {
            deleteStaged(staged.keySet());
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteStaged(Iterable<Path> temps) throws IOException {
        IOException first = null;
        for (Path temp : temps) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
