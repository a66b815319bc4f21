package dev.tally.audit.chargeback.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Writing reports to --out")
class ReportWriterTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;

    @Test
    @DisplayName("a folder gets chargeback-YYYY-MM.<ext>; CSV also gets its reconciliation file beside it")
    void names() {
        assertThat(ReportWriter.targets(dir, dir.toString(), OCTOBER, ReportFormat.HTML))
                .containsExactly(dir.resolve("chargeback-2026-10.html"));
        assertThat(ReportWriter.targets(dir, dir.toString(), OCTOBER, ReportFormat.CSV))
                .containsExactly(dir.resolve("chargeback-2026-10.csv"), dir.resolve("chargeback-2026-10-reconciliation.csv"));
        Path file = dir.resolve("october.csv");
        assertThat(ReportWriter.targets(file, file.toString(), OCTOBER, ReportFormat.CSV))
                .containsExactly(file, dir.resolve("october-reconciliation.csv"));
        Path notYet = dir.resolve("new");
        assertThat(ReportWriter.targets(notYet, notYet + "/", OCTOBER, ReportFormat.JSON))
                .containsExactly(notYet.resolve("chargeback-2026-10.json"));
    }

    @Test
    @DisplayName("files are written whole in UTF-8, replace an older report, and leave no temporary file")
    void atomicReplace() throws IOException {
        Path report = Files.writeString(dir.resolve("r.csv"), "old report that is longer than the new one");
        Map<Path, String> contents = new LinkedHashMap<>();
        contents.put(report, "owner\r\nzürich-équipe\r\n");
        contents.put(dir.resolve("sub/r-reconciliation.csv"), "item,value\r\n");

        ReportWriter.write(new ReportWriter.ReportFiles(contents));

        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo("owner\r\nzürich-équipe\r\n");
        assertThat(dir.resolve("sub/r-reconciliation.csv")).hasContent("item,value\r\n");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    @DisplayName("an unwritable target is one clear error, and nothing is left behind")
    void unwritable() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Map<Path, String> contents = Map.of(blocker.resolve("r.html"), "<html>");

        assertThatThrownBy(() -> ReportWriter.write(new ReportWriter.ReportFiles(contents)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("--output-file: cannot write ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(blocker);
        }
    }
}
