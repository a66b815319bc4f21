package dev.tally.audit.chargeback.report;

import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.PoolSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no script, nothing fetched (a
 * Content-Security-Policy of {@code default-src 'none'} enforces it), so it opens offline and can be mailed or
 * archived as is. Every string from the bill is escaped by {@link Html}; the template's placeholders are filled in
 * one pass, so a tag value that looks like a placeholder is printed, not expanded.
 */
public final class HtmlRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** Bars beyond this are summed into one "other owners" bar, so the chart stays readable for large orgs. */
    private static final int MAX_CHART_OWNERS = 20;

    public String render(ChargebackReport report) {
        Map<String, String> values = Map.of(
                "title", Html.escape("Chargeback " + report.month() + " (" + report.metricName() + ")"),
                "css", resource("chargeback.css"),
                "heading", Html.escape("Chargeback " + report.month()),
                "meta", meta(report),
                "headline", headline(report),
                "notes", notes(report),
                "charts", charts(report),
                "owners", owners(report),
                "departments", departments(report),
                "pools", pools(report));
        Map<String, String> more = Map.of(
                "reconciliation", reconciliation(report),
                "details", details(report),
                "footer", Html.escape("Generated " + report.generatedAt() + " by tally chargeback · rules: "
                        + report.rules() + " · owner tags: " + String.join(", ", report.ownerTagKeys())));
        String template = resource("chargeback.html");
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.containsKey(key) ? values.get(key) : more.get(key);
            if (value == null) {
                throw new IllegalStateException("template placeholder {{" + key + "}} has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String meta(ChargebackReport report) {
        return Html.escape(report.metricName() + " cost · " + report.currency() + " · "
                + (report.monthClosed() ? "month closed" : "month open: provisional figures") + " · source: "
                + report.source());
    }

    private static String headline(ChargebackReport report) {
        Headline h = report.headline();
        String currency = report.currency();
        StringBuilder out = new StringBuilder();
        card(out, "headline-total", "Total " + Html.escape(currency), Amounts.grouped(h.total()), "", "");
        if (report.previous().available()) {
            BigDecimal change = h.change().orElseThrow();
            card(out, "headline-change", "vs " + report.previous().month(), Amounts.signed(change),
                    Html.escape(Amounts.signedPercent(h.changePercent(), "no % (previous month was 0)")
                            + " · previous " + Amounts.grouped(h.previousTotal().orElseThrow())),
                    change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "");
        } else {
            card(out, "headline-change", "vs " + report.previous().month(), "no previous month",
                    Html.escape(report.previous().note()), "");
        }
        card(out, "headline-untagged", "Untagged spend", Amounts.percent(h.untaggedPercent(), "n/a"),
                Amounts.grouped(h.untaggedSpend()) + " " + Html.escape(currency), "");
        boolean ok = report.reconciliation().balanced();
        card(out, "headline-reconciliation", "Reconciliation", ok ? "reconciled" : "MISMATCH",
                "difference " + report.reconciliation().difference().toPlainString() + " · unallocated "
                        + Amounts.grouped(report.reconciliation().unallocated()), ok ? "status-ok" : "status-bad");
        return out.toString();
    }

    private static void card(StringBuilder out, String id, String label, String figure, String sub, String cssClass) {
        out.append("<div class=\"card ").append(cssClass).append("\" id=\"").append(id).append("\">")
                .append("<div class=\"label\">").append(label).append("</div>")
                .append("<div class=\"figure\">").append(Html.escape(figure)).append("</div>")
                .append("<div class=\"sub\">").append(sub).append("</div></div>\n");
    }

    private static String notes(ChargebackReport report) {
        if (report.notes().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ul class=\"notes\" id=\"notes\">");
        report.notes().forEach(note -> out.append("<li>").append(Html.escape(note)).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static String charts(ChargebackReport report) {
        StringBuilder out = new StringBuilder();
        List<SvgCharts.Bar> ownerBars = new ArrayList<>();
        chartOwners(report).forEach(o -> ownerBars.add(new SvgCharts.Bar(o.owner(), o.total())));
        panel(out, "Cost per owner", "", SvgCharts.bars("owner-chart", "Cost per owner", ownerBars, "owner"));

        String previous = report.previous().month().toString();
        String current = report.month().toString();
        if (report.previous().available()) {
            List<SvgCharts.Pair> pairs = new ArrayList<>();
            chartOwners(report).forEach(o -> pairs.add(new SvgCharts.Pair(o.owner(),
                    o.previousTotal().orElse(BigDecimal.ZERO), o.total())));
            String legend = "<span class=\"swatch previous\"></span>" + previous
                    + "<span class=\"swatch current\"></span>" + current;
            panel(out, "Month over month", legend, SvgCharts.pairs("mom-chart", "Month over month per owner", pairs,
                    previous, current));
        } else {
            panel(out, "Month over month", "", "<p id=\"mom-chart-missing\">No previous month: "
                    + Html.escape(report.previous().note()) + "</p>");
        }
        List<SvgCharts.Bar> serviceBars = report.topServices().stream()
                .map(s -> new SvgCharts.Bar(s.service(), s.total())).toList();
        panel(out, "Top services", "", SvgCharts.bars("services-chart", "Top services", serviceBars, "service"));
        Headline h = report.headline();
        panel(out, "Untagged share", "", SvgCharts.donut("untagged-chart", "Untagged share of the month",
                h.untaggedSpend().max(BigDecimal.ZERO), h.total(), "untagged " + Amounts.grouped(h.untaggedSpend()),
                "tagged or shared " + Amounts.grouped(h.total().subtract(h.untaggedSpend()))));
        return out.toString();
    }

    /** The owners the charts show: the largest ones, then one bar for the rest. */
    private static List<OwnerCost> chartOwners(ChargebackReport report) {
        List<OwnerCost> owners = report.owners();
        if (owners.size() <= MAX_CHART_OWNERS) {
            return owners;
        }
        List<OwnerCost> shown = new ArrayList<>(owners.subList(0, MAX_CHART_OWNERS - 1));
        List<OwnerCost> rest = owners.subList(MAX_CHART_OWNERS - 1, owners.size());
        BigDecimal total = rest.stream().map(OwnerCost::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> previous = report.previous().available()
                ? Optional.of(rest.stream().map(o -> o.previousTotal().orElse(BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                : Optional.empty();
        shown.add(new OwnerCost(rest.size() + " other owners", Optional.empty(), total, BigDecimal.ZERO,
                BigDecimal.ZERO, previous, List.of()));
        return shown;
    }

    private static void panel(StringBuilder out, String title, String legend, String body) {
        out.append("<div class=\"chart-panel\"><h3>").append(Html.escape(title)).append("</h3>");
        if (!legend.isEmpty()) {
            out.append("<div class=\"legend\">").append(legend).append("</div>");
        }
        out.append(body).append("</div>\n");
    }

    private static String owners(ChargebackReport report) {
        String previous = Html.escape(report.previous().month().toString());
        StringBuilder out = new StringBuilder("<table id=\"owners-table\"><thead><tr><th>Owner</th><th>Department</th>"
                + "<th class=\"num\">Direct</th><th class=\"num\">Untagged share</th><th class=\"num\">Shared</th>"
                + "<th class=\"num\">Total</th><th class=\"num\">" + previous + "</th><th class=\"num\">Change</th>"
                + "</tr></thead><tbody>");
        for (OwnerCost o : report.owners()) {
            boolean unallocated = AllocationRules.UNALLOCATED.equals(o.owner());
            out.append(unallocated ? "<tr class=\"unallocated\">" : "<tr>")
                    .append(td(o.owner())).append(td(o.department().orElse("")))
                    .append(num(o.direct())).append(num(o.untagged())).append(num(o.shared())).append(num(o.total()))
                    .append(numText(o.previousTotal().map(Amounts::grouped).orElse("–")))
                    .append(numText(o.change().map(Amounts::signed).orElse("–"))).append("</tr>");
        }
        Headline h = report.headline();
        out.append("<tr class=\"total\"><td>Total</td><td></td><td></td><td></td><td></td>").append(num(h.total()))
                .append(numText(h.previousTotal().map(Amounts::grouped).orElse("–")))
                .append(numText(h.change().map(Amounts::signed).orElse("–"))).append("</tr>");
        return out.append("</tbody></table>").toString();
    }

    private static String departments(ChargebackReport report) {
        StringBuilder out = new StringBuilder("<table id=\"departments-table\"><thead><tr><th>Department</th>"
                + "<th>Owners</th><th class=\"num\">Total</th><th class=\"num\">"
                + Html.escape(report.previous().month().toString()) + "</th></tr></thead><tbody>");
        for (DepartmentCost d : report.departments()) {
            out.append("<tr>").append(td(d.department())).append(td(String.join(", ", d.owners())))
                    .append(num(d.total())).append(numText(d.previousTotal().map(Amounts::grouped).orElse("–")))
                    .append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String pools(ChargebackReport report) {
        StringBuilder out = new StringBuilder("<table id=\"pools-table\"><thead><tr><th>Pool</th><th>Split</th>"
                + "<th class=\"num\">Amount</th><th class=\"num\">Owners</th></tr></thead><tbody>");
        for (PoolSummary p : report.pools()) {
            out.append("<tr>").append(td(p.name())).append(td(p.split())).append(num(p.amount()))
                    .append(numText(String.valueOf(p.owners()))).append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String reconciliation(ChargebackReport report) {
        StringBuilder out = new StringBuilder("<table id=\"reconciliation-table\" class=\"compact\"><tbody>");
        for (String[] line : report.reconciliation().lines()) {
            out.append("<tr><th>").append(Html.escape(line[0])).append("</th><td class=\"num\" data-item=\"")
                    .append(Html.escape(line[0].replace(' ', '-'))).append("\">").append(Html.escape(line[1]))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String details(ChargebackReport report) {
        StringBuilder out = new StringBuilder();
        for (OwnerCost o : report.owners()) {
            out.append("<details><summary>").append(Html.escape(o.owner())).append(" · ")
                    .append(Amounts.grouped(o.total())).append("</summary><table><thead><tr><th>Service</th>")
                    .append("<th class=\"num\">Direct</th><th class=\"num\">Untagged share</th>")
                    .append("<th class=\"num\">Shared</th><th class=\"num\">Total</th></tr></thead><tbody>");
            for (ServiceLine s : o.services()) {
                out.append("<tr>").append(td(s.service())).append(num(s.direct())).append(num(s.untagged()))
                        .append(num(s.shared())).append(num(s.total())).append("</tr>");
            }
            out.append("</tbody></table></details>\n");
        }
        return out.toString();
    }

    private static String td(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static String num(BigDecimal amount) {
        return numText(Amounts.grouped(amount));
    }

    private static String numText(String text) {
        return "<td class=\"num\">" + Html.escape(text) + "</td>";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report template /report/" + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
