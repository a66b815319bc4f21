package dev.tally.audit.chargeback.report;

import dev.tally.audit.chargeback.allocation.PoolSummary;
import java.util.ArrayList;
import java.util.List;

/** The report as plain text for a terminal: headline, owners, departments, top services, pools, reconciliation. */
public final class TableRenderer {

    public String render(ChargebackReport report) {
        StringBuilder out = new StringBuilder();
        Headline h = report.headline();
        String previousLabel = report.previous().month().toString();
        out.append("Chargeback ").append(report.month()).append(" · ").append(report.metricName()).append(" cost · ")
                .append(report.currency()).append(report.monthClosed() ? " · month closed" : " · month OPEN (provisional)")
                .append('\n');
        out.append("Source: ").append(report.source()).append('\n');
        out.append("Rules:  ").append(report.rules()).append(" (owner tags: ")
                .append(String.join(", ", report.ownerTagKeys())).append(")\n\n");
        out.append("Total ").append(Amounts.grouped(h.total())).append(' ').append(report.currency());
        if (report.previous().available()) {
            out.append(" · vs ").append(previousLabel).append(": ").append(Amounts.signed(h.change().orElseThrow()))
                    .append(" (").append(Amounts.signedPercent(h.changePercent(), "n/a")).append(')');
        } else {
            out.append(" · no previous month");
        }
        out.append(" · untagged ").append(Amounts.grouped(h.untaggedSpend())).append(" (")
                .append(Amounts.percent(h.untaggedPercent(), "n/a")).append(")\n\n");

        List<String[]> owners = new ArrayList<>();
        owners.add(new String[] {"OWNER", "DEPARTMENT", "DIRECT", "UNTAGGED", "SHARED", "TOTAL", previousLabel, "CHANGE"});
        for (OwnerCost o : report.owners()) {
            owners.add(new String[] {o.owner(), o.department().orElse("-"), Amounts.grouped(o.direct()),
                    Amounts.grouped(o.untagged()), Amounts.grouped(o.shared()), Amounts.grouped(o.total()),
                    o.previousTotal().map(Amounts::grouped).orElse("-"), o.change().map(Amounts::signed).orElse("-")});
        }
        owners.add(new String[] {"TOTAL", "", "", "", "", Amounts.grouped(h.total()),
                h.previousTotal().map(Amounts::grouped).orElse("-"), h.change().map(Amounts::signed).orElse("-")});
        table(out, owners, 2);

        List<String[]> departments = new ArrayList<>();
        departments.add(new String[] {"DEPARTMENT", "OWNERS", "TOTAL", previousLabel});
        for (DepartmentCost d : report.departments()) {
            departments.add(new String[] {d.department(), String.valueOf(d.owners().size()), Amounts.grouped(d.total()),
                    d.previousTotal().map(Amounts::grouped).orElse("-")});
        }
        out.append('\n');
        table(out, departments, 1);

        List<String[]> services = new ArrayList<>();
        services.add(new String[] {"TOP SERVICES", "TOTAL"});
        report.topServices().forEach(s -> services.add(new String[] {s.service(), Amounts.grouped(s.total())}));
        out.append('\n');
        table(out, services, 1);

        List<String[]> pools = new ArrayList<>();
        pools.add(new String[] {"POOL", "SPLIT", "AMOUNT", "OWNERS"});
        for (PoolSummary p : report.pools()) {
            pools.add(new String[] {p.name(), p.split(), Amounts.grouped(p.amount()), String.valueOf(p.owners())});
        }
        out.append('\n');
        table(out, pools, 2);

        out.append("\nReconciliation (").append(report.currency()).append("): ");
        List<String> parts = new ArrayList<>();
        report.reconciliation().lines().forEach(line -> parts.add(line[0] + " " + line[1]));
        out.append(String.join(" · ", parts)).append('\n');
        if (!report.notes().isEmpty()) {
            out.append("\nNotes:\n");
            report.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** Left-aligns the first {@code textColumns} columns and right-aligns the rest (amounts). */
    private static void table(StringBuilder out, List<String[]> rows, int textColumns) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String format = i < textColumns ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                line.append(i == 0 ? "" : "  ").append(String.format(format, row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
