package dev.tally.audit.chargeback.source.cur;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one aggregation of a CUR month yields, whichever engine computed it: the groups, and the month's total
 * computed without grouping (reconciliation's independent answer) with the currency and invoice checks.
 *
 * @param groups               the groups, ordered by account, service, type, then tag values (NULL last)
 * @param total                the ungrouped sum of every line item's cost in the month, scale 10
 * @param lineItems            the month's line items
 * @param currencies           the distinct non-null {@code line_item_currency_code} values
 * @param uninvoicedLineItems  line items without a {@code bill_invoice_id} (the month is closed when 0)
 * @param engine               which engine computed it, for the benchmark and diagnostics
 */
public record CurMonthAggregate(List<CurGroup> groups, BigDecimal total, long lineItems,
        SortedSet<String> currencies, long uninvoicedLineItems, String engine) {
    public CurMonthAggregate {
        groups = List.copyOf(groups);
        currencies = new TreeSet<>(currencies);
    }

    /** The month's only currency, if there is exactly one. */
    public Optional<String> singleCurrency() {
        return currencies.size() == 1 ? Optional.of(currencies.first()) : Optional.empty();
    }
}
