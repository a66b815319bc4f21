package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;

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
}
