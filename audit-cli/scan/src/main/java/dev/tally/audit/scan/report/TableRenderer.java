package dev.tally.audit.scan.report;

import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.model.ScanFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The default human output: what was scanned, a summary by check (count, monthly saving), the API calls and their
 * cost, failures, then every finding biggest saving first with its reason and recommendation.
 */
public final class TableRenderer implements ReportRenderer {

    @Override
    public void render(ScanReport report, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("tally scan: %d account%s, %d account-region%s, metrics through %s (UTC)%n",
                report.accounts().size(), report.accounts().size() == 1 ? "" : "s", report.regionsScanned(),
                report.regionsScanned() == 1 ? "" : "s", report.lastMetricsDay());
        out.printf("Prices: on-demand, table of %s (%s)%n", report.priceTable().snapshotDate(),
                report.priceTable().source().length() > 60 ? "bundled estimate; 'tally scan prices refresh' for exact"
                        : report.priceTable().source());
        if (!report.policyFiles().isEmpty()) {
            out.printf("Policy files: %s%n", String.join("; ", report.policyFiles()));
        }
        out.println();
        summary(report, out);
        out.println();
        if (!report.failures().isEmpty()) {
            failures(report.failures(), out);
            out.println();
        }
        findings(report, out);
        out.flush();
    }

    private static void summary(ScanReport report, PrintWriter out) {
        out.println("SUMMARY");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CHECK", "FINDINGS", "MONTHLY SAVING"});
        for (CheckSummary s : report.summary()) {
            String money = s.notMonetary() ? "n/a (" + notMonetaryWord(s.checkId()) + ")"
                    : Money.usd(s.monthlyUsd()) + (s.unpriced() > 0 ? " + " + s.unpriced() + " unpriced" : "");
            rows.add(new String[] {s.checkId(), String.valueOf(s.findings()), money});
        }
        rows.add(new String[] {"TOTAL", String.valueOf(report.findings().size()),
                Money.usd(report.totalMonthlyUsd()) + " per month"});
        printTable(rows, out, "  ", 1);
        out.printf("  API calls: %d (CloudWatch metrics requested: %d), cost %s%n", report.apiCallCost().totalCalls(),
                report.apiCallCost().metricsRequested(), "$" + report.apiCallCost().totalUsd().toPlainString());
        out.printf("  Failures: %s%n", report.failures().isEmpty() ? "none"
                : report.failures().size() + " (the result is incomplete; exit code 3)");
    }

    private static String notMonetaryWord(String checkId) {
        return "public-bucket".equals(checkId) ? "exposure" : "allocation";
    }

    private static void failures(List<ScanFailure> failures, PrintWriter out) {
        out.println("FAILURES (these parts were not scanned)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ACCOUNT", "REGION", "SERVICE", "PROBLEM"});
        failures.forEach(f -> rows.add(new String[] {f.accountId(), f.region(), f.service(), f.message()}));
        printTable(rows, out, "  ", -1);
    }

    private static void findings(ScanReport report, PrintWriter out) {
        if (report.findings().isEmpty()) {
            out.println(report.failures().isEmpty() ? "No findings." : "No findings in what could be scanned.");
            return;
        }
        out.println("FINDINGS (biggest saving first)");
        int n = 0;
        int width = String.valueOf(report.findings().size()).length();
        for (PricedFinding p : report.findings()) {
            Finding f = p.finding();
            String pad = " ".repeat(width + 4);
            out.printf("%" + (width + 2) + "d. %-8s %-13s %s%s  %s %s  %s%n", ++n, f.severity().label(), f.checkId(),
                    f.resourceId(), details(f.attributes()), f.accountId(), f.region(), Money.estimate(p.estimate()));
            out.println(pad + "why: " + f.reason());
            out.println(pad + "fix: " + f.recommendation());
            out.println(pad + "cost: " + Money.basis(p.estimate()));
            out.println(pad + "arn: " + f.resourceArn());
        }
    }

    /** The attributes worth a glance in the headline: type, ASG, EKS cluster. */
    private static String details(Map<String, String> attributes) {
        List<String> shown = new ArrayList<>();
        for (String key : List.of("instanceType", "type", "autoScalingGroup", "eksCluster", "lifecycle")) {
            if (attributes.containsKey(key)) {
                String label = switch (key) {
                    case "autoScalingGroup" -> "ASG ";
                    case "eksCluster" -> "EKS ";
                    default -> "";
                };
                shown.add(label + attributes.get(key));
            }
        }
        return shown.isEmpty() ? "" : " (" + shown.stream().collect(Collectors.joining(", ")) + ")";
    }

    /** Left-aligned columns; {@code rightAligned} is a column index to right-align, or -1. */
    private static void printTable(List<String[]> rows, PrintWriter out, String indent, int rightAligned) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                boolean last = c == columns - 1;
                String cell = c == rightAligned ? " ".repeat(widths[c] - row[c].length()) + row[c]
                        : last ? row[c] : row[c] + " ".repeat(widths[c] - row[c].length());
                line.append(cell);
                if (!last) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
