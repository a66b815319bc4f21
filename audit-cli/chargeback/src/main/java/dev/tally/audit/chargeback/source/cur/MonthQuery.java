package dev.tally.audit.chargeback.source.cur;

import java.util.List;

/**
 * A month's two aggregates over one relation, whichever export schema it reads: the grouped rows
 * ({@code account_id, service, line_item_type, tag_0..tag_n, amount, line_items}) and the ungrouped total
 * ({@code total, line_items, currencies, currency, other_currency, uninvoiced_line_items}).
 */
public interface MonthQuery {
    /** The month's cost grouped by account, service, charge type and tag values. */
    String groupedSql();

    /** The month's ungrouped total, currency check and invoice state: reconciliation's independent answer. */
    String totalSql();

    /** The tag keys grouped by, in output order. */
    List<CurTag> tags();

    /**
     * The total's columns, written once for every schema: the summed cost, the line item count, the currency check
     * and the number of line items without an invoice.
     *
     * @param cost      the SQL of one line item's cost (placed verbatim inside {@code SUM(...)})
     * @param currency  the schema's currency column
     * @param invoiceId the schema's invoice id column
     * @param relation  what the query reads
     * @param where     the month's predicate
     */
    static String totalSql(String cost, String currency, String invoiceId, String relation, String where) {
        return "SELECT\n"
                + "  SUM(" + cost + ") AS total,\n"
                + "  COUNT(*) AS line_items,\n"
                + "  COUNT(DISTINCT " + currency + ") AS currencies,\n"
                + "  MIN(" + currency + ") AS currency,\n"
                + "  MAX(" + currency + ") AS other_currency,\n"
                + "  SUM(CASE WHEN COALESCE(" + invoiceId + ", '') = '' THEN 1 ELSE 0 END) AS uninvoiced_line_items\n"
                + "FROM " + relation + "\n"
                + "WHERE " + where;
    }
}
