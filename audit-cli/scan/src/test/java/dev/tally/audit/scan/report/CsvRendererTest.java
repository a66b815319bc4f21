package dev.tally.audit.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CSV cells")
class CsvRendererTest {
    @Test
    @DisplayName("commas, quotes and newlines are quoted per RFC 4180")
    void quoting() {
        assertThat(CsvRenderer.cell("plain")).isEqualTo("plain");
        assertThat(CsvRenderer.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvRenderer.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvRenderer.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    @DisplayName("a cell a spreadsheet would run as a formula is defused with an apostrophe")
    void formulaInjection() {
        assertThat(CsvRenderer.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK(");
        assertThat(CsvRenderer.cell("+1")).isEqualTo("'+1");
        assertThat(CsvRenderer.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
