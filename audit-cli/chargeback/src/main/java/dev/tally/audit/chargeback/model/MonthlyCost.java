package dev.tally.audit.chargeback.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's bill as one source reports it.
 *
 * @param month       the billing month
 * @param metric      which cost figure the amounts are in
 * @param rows        the aggregated rows
 * @param sourceTotal the month's total as the source states it, obtained independently of {@code rows} (an ungrouped
 *                    query), so reconciliation compares two answers rather than one sum with itself
 * @param currency    the single currency of the month; sources reject mixed currencies
 * @param monthClosed whether the month is finalised (no more charges will arrive)
 * @param source      a human description of where the numbers came from (for example the CUR path or "Cost Explorer")
 */
public record MonthlyCost(YearMonth month, CostMetric metric, List<CostRow> rows, BigDecimal sourceTotal,
        String currency, boolean monthClosed, String source) {
    public MonthlyCost {
        rows = List.copyOf(rows);
    }
}
