package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SVG charts")
class SvgChartsTest {
    private static double attribute(String svg, String rectClass, String name) {
        Matcher m = Pattern.compile("<rect class=\"" + rectClass + "\"[^>]* " + name + "=\"([\\d.]+)\"").matcher(svg);
        assertThat(m.find()).as(rectClass + " " + name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    @DisplayName("a negative value (credits above usage) is drawn left of the zero line, in the negative style")
    void negativeBar() {
        String svg = SvgCharts.bars("c", "t", List.of(new SvgCharts.Bar("payments", new BigDecimal("300")),
                new SvgCharts.Bar("search", new BigDecimal("-100"))), "owner");

        Matcher axis = Pattern.compile("<line class=\"axis\" x1=\"([\\d.]+)\"").matcher(svg);
        assertThat(axis.find()).isTrue();
        double zero = Double.parseDouble(axis.group(1));
        double negativeX = attribute(svg, "bar owner negative", "x");
        double negativeWidth = attribute(svg, "bar owner negative", "width");
        assertThat(negativeX + negativeWidth).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.01));
        assertThat(attribute(svg, "bar owner", "x")).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.01));
        // 300 is three times as long as 100.
        assertThat(attribute(svg, "bar owner", "width") / negativeWidth).isCloseTo(3.0,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    @DisplayName("long labels are shortened on the chart; the tooltip keeps the full name and exact amount")
    void longLabels() {
        String name = "Amazon Elastic Compute Cloud - Compute (eu-west-1)";
        String svg = SvgCharts.bars("c", "t", List.of(new SvgCharts.Bar(name, new BigDecimal("1234.5"))), "service");

        assertThat(svg).contains(">Amazon Elastic Compute Cloud …</text>")
                .contains("<title>" + name + ": 1,234.50</title>");
    }

    @Test
    @DisplayName("the donut's visible arc is the untagged fraction of the circle")
    void donut() {
        String svg = SvgCharts.donut("d", "t", new BigDecimal("25"), new BigDecimal("100"), "untagged", "rest");

        double circumference = 2 * Math.PI * 60;
        Matcher dash = Pattern.compile("stroke-dasharray=\"([\\d.]+) ([\\d.]+)\"").matcher(svg);
        assertThat(dash.find()).isTrue();
        assertThat(Double.parseDouble(dash.group(1)) / circumference).isCloseTo(0.25,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(svg).contains(">25.0%</text>");
    }
}
