package dev.tally.audit.scan.report;

import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.pricing.CostEstimate;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One row per finding, biggest saving first (RFC 4180: comma separated, CRLF line ends, quotes doubled). Cells that a
 * spreadsheet would run as a formula ({@code = + - @}) are prefixed with an apostrophe, since reasons quote tag
 * values anyone with tagging rights can set. Failures are not rows: use JSON or the table for them.
 */
public final class CsvRenderer implements ReportRenderer {
    static final List<String> HEADER = List.of("check", "severity", "account_id", "region", "resource_type",
            "resource_id", "resource_arn", "monthly_usd", "cost_note", "reason", "recommendation");

    @Override
    public void render(ScanReport report, Writer out) throws IOException {
        row(out, HEADER);
        for (PricedFinding p : report.findings()) {
            Finding f = p.finding();
            String monthly = p.estimate() instanceof CostEstimate.Monthly m ? m.monthlyUsd().toPlainString() : "";
            row(out, List.of(f.checkId(), f.severity().label(), f.accountId(), f.region(), f.resourceType(),
                    f.resourceId(), f.resourceArn(), monthly, Money.basis(p.estimate()), f.reason(), f.recommendation()));
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String raw) {
        String value = raw == null ? "" : raw;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
