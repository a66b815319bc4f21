package dev.tally.audit.chargeback.source.cur;

import static dev.tally.audit.chargeback.source.cur.FocusColumns.*;

import dev.tally.audit.chargeback.model.CostMetric;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The month's aggregation over a FOCUS 1.2 export (DuckDB): the same two aggregates and output columns as
 * {@link CurAggregationQuery}, over FOCUS's columns. The cost is {@code EffectiveCost} (amortized) or
 * {@code BilledCost} (unblended) as exported, cast to {@code DECIMAL(38,10)}; the charge type is
 * {@link FocusChargeKinds#typeSql()}; tag values come from {@code Tags}, matching keys case-insensitively.
 *
 * @param relation    the DuckDB view over the files (its {@code Tags} a {@code MAP(VARCHAR, VARCHAR)})
 * @param partitioned whether the view has the {@code billing_period} partition column of its folders
 */
public record FocusAggregationQuery(String relation, YearMonth month, CostMetric metric, List<CurTag> tags,
        boolean partitioned) implements MonthQuery {

    public FocusAggregationQuery {
        tags = List.copyOf(tags);
        FocusColumns.cost(metric);
    }

    /** The {@code Tags} keys a requested key may have: as written and with AWS's {@code user:} prefix, any case. */
    public static CurTag tag(String requested) {
        String lower = requested.toLowerCase(Locale.ROOT);
        return lower.startsWith("user:") || lower.startsWith("aws:")
                ? new CurTag(requested, List.of(lower))
                : new CurTag(requested, List.of("user:" + lower, lower));
    }

    @Override
    public String groupedSql() {
        StringBuilder sql = new StringBuilder("SELECT\n")
                .append("  ").append(SUB_ACCOUNT).append(" AS account_id,\n")
                .append("  ").append(SERVICE).append(" AS service,\n")
                .append("  ").append(FocusChargeKinds.typeSql()).append(" AS line_item_type,\n");
        for (int i = 0; i < tags.size(); i++) {
            sql.append("  NULLIF(").append(tagValue(tags.get(i))).append(", '') AS tag_").append(i).append(",\n");
        }
        sql.append("  SUM(").append(costSql()).append(") AS amount,\n")
                .append("  COUNT(*) AS line_items\n")
                .append("FROM ").append(relation).append('\n')
                .append("WHERE ").append(monthPredicate()).append('\n')
                .append("GROUP BY ALL\nORDER BY ALL");
        return sql.toString();
    }

    @Override
    public String totalSql() {
        return MonthQuery.totalSql(costSql(), CURRENCY, INVOICE_ID, relation, monthPredicate());
    }

    private String costSql() {
        return "COALESCE(CAST(" + FocusColumns.cost(metric) + " AS DECIMAL(38,10)), 0)";
    }

    /** The first candidate key present, compared lower case: a tag written {@code user:Team} answers to {@code team}. */
    private static String tagValue(CurTag tag) {
        List<String> lookups = tag.candidates().stream()
                .map(key -> "(list_filter(map_entries(" + TAGS + "), lambda e: lower(e.key) = "
                        + SqlDialect.literal(key) + "))[1].value")
                .toList();
        return lookups.size() == 1 ? lookups.get(0) : "COALESCE(" + String.join(", ", lookups) + ")";
    }

    private String monthPredicate() {
        return (partitioned ? CurAggregationQuery.PARTITION + " = '" + month + "' AND " : "")
                + BILLING_PERIOD_START + " >= TIMESTAMP '" + month.atDay(1) + " 00:00:00' AND "
                + BILLING_PERIOD_START + " < TIMESTAMP '" + month.plusMonths(1).atDay(1) + " 00:00:00'";
    }
}
