package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Draws the report's charts as inline SVG, so the HTML works offline with no script. Every bar is a
 * {@code <rect class="bar ...">} with a {@code <title>} (the browser's tooltip) holding the exact amount; labels are
 * escaped. Negative values (credits exceeding usage) extend left of a zero line.
 */
final class SvgCharts {
    private static final int WIDTH = 560;
    private static final int LABEL_WIDTH = 215;
    private static final int VALUE_WIDTH = 80;
    private static final int BAR_HEIGHT = 20;
    private static final int GAP = 8;
    private static final int MAX_LABEL = 30;

    /** One labelled value. */
    record Bar(String label, BigDecimal value) {
    }

    /** One label with the previous and the current month's value. */
    record Pair(String label, BigDecimal previous, BigDecimal current) {
    }

    private SvgCharts() {
    }

    /** A horizontal bar chart, one {@code rect.bar} per value. */
    static String bars(String id, String title, List<Bar> bars, String barClass) {
        BigDecimal[] range = range(bars.stream().map(Bar::value).toList());
        int height = bars.size() * (BAR_HEIGHT + GAP) + GAP;
        StringBuilder svg = open(id, title, height);
        int y = GAP;
        for (Bar bar : bars) {
            label(svg, bar.label(), y + BAR_HEIGHT / 2);
            rect(svg, "bar " + barClass + (bar.value().signum() < 0 ? " negative" : ""), range, bar.value(), y, BAR_HEIGHT,
                    bar.label() + ": " + Amounts.grouped(bar.value()));
            value(svg, Amounts.grouped(bar.value()), y + BAR_HEIGHT / 2);
            y += BAR_HEIGHT + GAP;
        }
        zeroLine(svg, range, height);
        return svg.append("</svg>").toString();
    }

    /** Previous vs current month per label: two thin bars per row ({@code rect.bar.previous}, {@code rect.bar.current}). */
    static String pairs(String id, String title, List<Pair> pairs, String previousMonth, String currentMonth) {
        List<BigDecimal> values = pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.previous(), p.current()))
                .toList();
        BigDecimal[] range = range(values);
        int half = BAR_HEIGHT / 2 + 1;
        int rowHeight = 2 * half + GAP + 2;
        int height = pairs.size() * rowHeight + GAP;
        StringBuilder svg = open(id, title, height);
        int y = GAP;
        for (Pair pair : pairs) {
            label(svg, pair.label(), y + half);
            rect(svg, "bar previous", range, pair.previous(), y, half - 1,
                    pair.label() + " " + previousMonth + ": " + Amounts.grouped(pair.previous()));
            rect(svg, "bar current" + (pair.current().signum() < 0 ? " negative" : ""), range, pair.current(), y + half,
                    half - 1, pair.label() + " " + currentMonth + ": " + Amounts.grouped(pair.current()));
            value(svg, Amounts.signed(pair.current().subtract(pair.previous())), y + half);
            y += rowHeight;
        }
        zeroLine(svg, range, height);
        return svg.append("</svg>").toString();
    }

    /** A donut of one part against the rest ({@code circle.slice}); the percentage sits in the middle. */
    static String donut(String id, String title, BigDecimal part, BigDecimal whole, String partLabel, String restLabel) {
        double fraction = whole.signum() <= 0 ? 0
                : Math.max(0, Math.min(1, part.divide(whole, 6, RoundingMode.HALF_EVEN).doubleValue()));
        double radius = 60;
        double circumference = 2 * Math.PI * radius;
        String partLength = fmt(fraction * circumference);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(id).append("\" class=\"chart donut\" role=\"img\" viewBox=\"0 0 360 160\" ")
                .append("width=\"360\" height=\"160\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
                .append(Html.escape(title)).append("</title>");
        svg.append("<circle class=\"slice rest\" cx=\"80\" cy=\"80\" r=\"60\" fill=\"none\" stroke-width=\"26\"><title>")
                .append(Html.escape(restLabel)).append("</title></circle>");
        svg.append("<circle class=\"slice part\" cx=\"80\" cy=\"80\" r=\"60\" fill=\"none\" stroke-width=\"26\" ")
                .append("stroke-dasharray=\"").append(partLength).append(' ').append(fmt(circumference))
                .append("\" transform=\"rotate(-90 80 80)\"><title>").append(Html.escape(partLabel))
                .append("</title></circle>");
        String percent = whole.signum() <= 0 ? "n/a" : fmt(fraction * 100, 1) + "%";
        svg.append("<text class=\"donut-value\" x=\"80\" y=\"86\" text-anchor=\"middle\">").append(percent)
                .append("</text>");
        svg.append("<rect class=\"key part\" x=\"170\" y=\"58\" width=\"12\" height=\"12\"/><text class=\"key-label\" ")
                .append("x=\"190\" y=\"69\">").append(Html.escape(partLabel)).append("</text>");
        svg.append("<rect class=\"key rest\" x=\"170\" y=\"88\" width=\"12\" height=\"12\"/><text class=\"key-label\" ")
                .append("x=\"190\" y=\"99\">").append(Html.escape(restLabel)).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder().append("<svg id=\"").append(id).append("\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(Html.escape(title))
                .append("</title>");
    }

    private static void label(StringBuilder svg, String label, int middle) {
        String shown = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
        svg.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(middle + 4)
                .append("\" text-anchor=\"end\">").append(Html.escape(shown)).append("</text>");
    }

    private static void value(StringBuilder svg, String text, int middle) {
        svg.append("<text class=\"value\" x=\"").append(WIDTH - 4).append("\" y=\"").append(middle + 4)
                .append("\" text-anchor=\"end\">").append(Html.escape(text)).append("</text>");
    }

    private static void rect(StringBuilder svg, String cssClass, BigDecimal[] range, BigDecimal value, int y,
            int height, String tooltip) {
        double zero = x(range, BigDecimal.ZERO);
        double end = x(range, value);
        double left = Math.min(zero, end);
        // A hairline for tiny values, so a bar is never invisible.
        double width = Math.max(1, Math.abs(end - zero));
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(fmt(left)).append("\" y=\"").append(y)
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(height)
                .append("\" rx=\"2\"><title>").append(Html.escape(tooltip)).append("</title></rect>");
    }

    private static void zeroLine(StringBuilder svg, BigDecimal[] range, int height) {
        String x = fmt(x(range, BigDecimal.ZERO));
        svg.append("<line class=\"axis\" x1=\"").append(x).append("\" x2=\"").append(x)
                .append("\" y1=\"0\" y2=\"").append(height).append("\"/>");
    }

    /** [min, max] of the values and zero, widened when all are zero. */
    private static BigDecimal[] range(List<BigDecimal> values) {
        BigDecimal min = values.stream().reduce(BigDecimal.ZERO, BigDecimal::min);
        BigDecimal max = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        if (max.compareTo(min) == 0) {
            max = BigDecimal.ONE;
        }
        return new BigDecimal[] {min, max};
    }

    private static double x(BigDecimal[] range, BigDecimal value) {
        double plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double span = range[1].subtract(range[0]).doubleValue();
        return LABEL_WIDTH + (value.subtract(range[0]).doubleValue() / span) * plotWidth;
    }

    private static String fmt(double value) {
        return fmt(value, 2);
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
