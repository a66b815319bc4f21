package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.common.cli.UserFacingException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns an aggregated CUR month into the report's rows, whichever engine aggregated it (local DuckDB or Athena): the
 * currency check, the charge kind of each line item type, and the tag values under the keys the user asked for.
 */
public final class CurMonthCosts {
    private CurMonthCosts() {
    }

    /**
     * The month's single currency, or the error that stops the report.
     *
     * @param where        what was read, for the messages ({@code the CUR <files>}, {@code the Athena table t})
     * @param periods      the billing periods present, asked only when the month is empty (it costs a query)
     */
    public static String currency(CurMonthAggregate aggregate, YearMonth month, String where, PeriodLister periods) {
        if (aggregate.lineItems() == 0) {
            throw UserFacingException.usage(where + " has no line items for " + month + " (billing periods present: "
                    + periods.list() + "): pick one of those months or add that month's export");
        }
        if (aggregate.currencies().size() > 1) {
            // The smallest and largest: the total query keeps only MIN and MAX.
            throw UserFacingException.usage(where + " mixes currencies in " + month + " ("
                    + aggregate.currencies().first() + ", " + aggregate.currencies().last()
                    + "): a chargeback needs one currency; export each payer's CUR separately");
        }
        String currency = aggregate.singleCurrency().orElse("");
        if (currency.isBlank()) {
            throw UserFacingException.usage(where + " has no currency code for " + month + ": the export is incomplete");
        }
        return currency;
    }

    /** Lists the billing periods present, for the message of an empty month. */
    @FunctionalInterface
    public interface PeriodLister {
        String list();
    }

    /**
     * One row per (account, service, charge kind, tag values); zero-amount groups dropped.
     *
     * @param kinds the charge kind of a group's (type, service) as the schema read names them
     */
    public static List<CostRow> rows(CurMonthAggregate aggregate, List<CurTag> requested, String currency,
            BiFunction<String, String, ChargeKind> kinds) {
        record Key(String account, String service, ChargeKind kind, Map<String, String> tags) {
        }
        Map<Key, BigDecimal> sums = new LinkedHashMap<>();
        for (CurGroup group : aggregate.groups()) {
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < requested.size(); i++) {
                String value = group.tagValues().get(i);
                if (value != null) {
                    tags.put(requested.get(i).requested(), value);
                }
            }
            String service = nullToEmpty(group.service());
            ChargeKind kind = kinds.apply(group.lineItemType(), service);
            sums.merge(new Key(nullToEmpty(group.account()), service, kind, Map.copyOf(tags)), group.amount(),
                    BigDecimal::add);
        }
        List<CostRow> rows = new ArrayList<>();
        // Zero-amount groups (for example Savings Plan negations under amortized cost) carry no cost to allocate.
        sums.forEach((k, amount) -> {
            if (amount.signum() != 0) {
                rows.add(new CostRow(k.account(), k.service(), k.kind(), k.tags(), amount, currency));
            }
        });
        return rows;
    }

    /** The requested keys that tag no row of the month. */
    public static List<CurTag> unseen(List<CurTag> tags, List<CostRow> rows) {
        return tags.stream().filter(tag -> rows.stream().noneMatch(row -> row.tags().containsKey(tag.requested())))
                .toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
