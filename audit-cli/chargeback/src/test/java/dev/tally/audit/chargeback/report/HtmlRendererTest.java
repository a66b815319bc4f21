package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.Allocator;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.reconcile.Reconciler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HTML report (static checks; the browser test renders it)")
class HtmlRendererTest {
    private final String html = new HtmlRenderer().render(SampleReports.withPreviousMonth());

    @Test
    @DisplayName("tag values are escaped: a hostile owner name never becomes markup or a placeholder")
    void escapesUserData() {
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;{{css}}");
    }

    @Test
    @DisplayName("self-contained: no script, and nothing is loaded from anywhere (src/href only data: URIs)")
    void selfContained() {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("@import").doesNotContain("url(");
        Matcher links = Pattern.compile("(?i)\\s(src|href)=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertThat(links.group(2)).as(links.group()).startsWith("data:");
        }
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    @DisplayName("every placeholder is filled")
    void noPlaceholdersLeft() {
        // The only {{ }} left is the escaped hostile value's, which is text.
        assertThat(html.replace("&amp;{{css}}", "")).doesNotContain("{{");
    }

    @Test
    @DisplayName("without a previous month the page says so instead of drawing 0% bars")
    void noPreviousMonth() {
        String page = new HtmlRenderer().render(SampleReports.withoutPreviousMonth());
        assertThat(page).contains("id=\"mom-chart-missing\"").contains("No previous month: the CUR has no line items")
                .doesNotContain("id=\"mom-chart\"");
    }

    @Test
    @DisplayName("a large organisation's charts show the 19 largest owners and one bar for the rest")
    void manyOwnersCapped() {
        List<CostRow> rows = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            rows.add(new CostRow("111111111111", "EC2",
                    ChargeKind.USAGE, Map.of(SampleReports.TAG,
                            String.format("team-%02d", i)), BigDecimal.valueOf(i), "USD"));
        }
        MonthlyCost month = new MonthlyCost(
                SampleReports.MONTH, CostMetric.AMORTIZED, rows,
                BigDecimal.valueOf(325), "USD", true, "test");
        Allocation allocation =
                new Allocator(SampleReports.rules()).allocate(rows);
        ChargebackReport report = new ReportBuilder(SampleReports.rules(), "r").build(month, allocation,
                Reconciler.reconcile(month, allocation), Optional.empty(),
                new PreviousMonth(SampleReports.MONTH.minusMonths(1), false, "none"), Instant.EPOCH);

        String page = new HtmlRenderer().render(report);
        String ownerChart = page.substring(page.indexOf("id=\"owner-chart\""), page.indexOf("</svg>",
                page.indexOf("id=\"owner-chart\"")));
        assertThat(ownerChart.split("<rect class=\"bar ", -1)).hasSize(21);
        // teams 01..06 are the smallest: 1 + 2 + ... + 6 = 21.00
        assertThat(ownerChart).contains("6 other owners: 21.00");
        assertThat(page).contains("team-01");
    }
}
