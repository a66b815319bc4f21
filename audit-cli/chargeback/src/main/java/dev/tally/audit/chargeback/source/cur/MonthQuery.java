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
}
