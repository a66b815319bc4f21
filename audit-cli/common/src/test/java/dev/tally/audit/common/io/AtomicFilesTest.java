package dev.tally.audit.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("AtomicFiles")
class AtomicFilesTest {
    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("replaces an existing file whole and leaves no temporary file")
    void replacesWhole() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old");
        AtomicFiles.write(target, text("new"));
        assertThat(target).hasContent("new");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    @DisplayName("a failure while producing content leaves the old file and no temporary file")
    void failureKeepsOld() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    @DisplayName("of several files, none is written when one cannot be produced")
    void allOrNothing() throws IOException {
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(dir.resolve("a.csv"), text("a"));
        files.put(dir.resolve("b.csv"), out -> {
            throw new IOException("render failed");
        });
        assertThatThrownBy(() -> AtomicFiles.writeAll(files)).hasMessage("render failed");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    @DisplayName("the file gets the default permissions, not createTempFile's owner-only 0600")
    void defaultPermissions() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.write(target, text("<html>"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
