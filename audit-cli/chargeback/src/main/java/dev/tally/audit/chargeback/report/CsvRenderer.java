package dev.tally.audit.chargeback.report;

import java.util.List;

/**
 * The report as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote or line break; UTF-8 without
 * a byte-order mark). Two tables, because a spreadsheet wants one rectangular table per file:
 * <ul>
 *   <li>{@link #lines}: one row per owner × service, amounts as plain numbers with two decimals (no thousands
 *       separator, no currency symbol), ready for a pivot table;</li>
 *   <li>{@link #reconciliation}: the check, as {@code item,value} rows.</li>
 * </ul>
 * Text cells starting with {@code = + - @} (or a tab / carriage return) get a leading apostrophe: tag values are user
 * data, and a spreadsheet would otherwise run them as formulas (CSV injection). Amount cells are never altered.
 */
public final class CsvRenderer {
    private static final String EOL = "\r\n";

    /** The owner × service table. */
    public String lines(ChargebackReport report) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("month", "metric", "currency", "department", "owner", "service", "direct", "untagged_share",
                "shared_share", "total"));
        for (OwnerCost owner : report.owners()) {
            for (ServiceLine line : owner.services()) {
                row(out, List.of(report.month().toString(), report.metricName(), report.currency(),
                        text(owner.department().orElse("")), text(owner.owner()), text(line.service()),
                        Amounts.plain(line.direct()), Amounts.plain(line.untagged()), Amounts.plain(line.shared()),
                        Amounts.plain(line.total())));
            }
        }
        return out.toString();
    }

    /** The reconciliation table. */
    public String reconciliation(ChargebackReport report) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("item", "value"));
        row(out, List.of("month", report.month().toString()));
        row(out, List.of("metric", report.metricName()));
        row(out, List.of("currency", report.currency()));
        row(out, List.of("month_closed", String.valueOf(report.monthClosed())));
        row(out, List.of("source", text(report.source())));
        for (String[] line : report.reconciliation().lines()) {
            row(out, List.of(line[0].replace(' ', '_'), line[1]));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append(EOL);
    }

    /** A text cell a spreadsheet will not evaluate. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
