package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CSV report")
class CsvRendererTest {
    private final ChargebackReport report = SampleReports.withPreviousMonth();
    private final String csv = new CsvRenderer().lines(report);

    @Test
    @DisplayName("one header and one row per owner × service, every row with the same number of fields")
    void rectangular() {
        String[] rows = csv.split("\r\n");
        long lines = report.owners().stream().mapToLong(o -> o.services().size()).sum();
        assertThat(rows).hasSize((int) lines + 1);
        assertThat(rows[0]).isEqualTo("month,metric,currency,department,owner,service,direct,untagged_share,"
                + "shared_share,total");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    @DisplayName("amounts are plain: two decimals, no thousands separator, no currency symbol")
    void plainAmounts() {
        assertThat(csv).contains(",payments,Amazon Elastic Compute Cloud,4210.55,0.00,0.00,4210.55\r\n");
        assertThat(Arrays.stream(csv.split("\r\n")).skip(1)).allSatisfy(row ->
                assertThat(row).matches(".*,-?\\d+\\.\\d{2},-?\\d+\\.\\d{2},-?\\d+\\.\\d{2},-?\\d+\\.\\d{2}$"));
    }

    @Test
    @DisplayName("the line totals add up to the reconciled report total")
    void addsUp() {
        java.math.BigDecimal sum = Arrays.stream(csv.split("\r\n")).skip(1)
                .map(row -> new java.math.BigDecimal(row.substring(row.lastIndexOf(',') + 1)))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(report.reconciliation().reportTotal());
    }

    @Test
    @DisplayName("RFC 4180 quoting, and formula-looking text cells are defused (CSV injection)")
    void quotingAndInjection() {
        assertThat(CsvRenderer.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvRenderer.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvRenderer.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvRenderer.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvRenderer.text("@sum")).isEqualTo("'@sum");
        assertThat(CsvRenderer.text("payments")).isEqualTo("payments");
        // The hostile owner's value contains a quote, so it is quoted and its quote doubled.
        assertThat(csv).contains(",\"<img src=x onerror=alert(1)>\"\"'&{{css}}\",");
    }

    @Test
    @DisplayName("the reconciliation table holds the check, item by item")
    void reconciliation() {
        String check = new CsvRenderer().reconciliation(report);
        assertThat(check).startsWith("item,value\r\nmonth,2026-10\r\nmetric,amortized\r\ncurrency,USD\r\n")
                .contains("difference,0.00\r\n").contains("status,reconciled\r\n");
    }
}
