package dev.tally.audit.scan.report;

import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a scan output file (UTF-8 text) atomically through {@link AtomicFiles}, turning failures into one line the
 * user can act on.
 */
public final class AtomicFile {

    /** Produces the content into a writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code target} atomically (UTF-8).
     *
     * @throws UserFacingException (usage) when the directory does not exist or cannot be written; nothing is left
     *                             behind
     */
    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw UserFacingException.usage(target + ": directory " + dir + " does not exist");
        }
        try {
            AtomicFiles.write(target, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                content.writeTo(writer);
                writer.flush();
            });
        } catch (IOException e) {
            throw UserFacingException.usage(target + ": cannot write it (" + e.getMessage() + ")");
        }
    }
}
