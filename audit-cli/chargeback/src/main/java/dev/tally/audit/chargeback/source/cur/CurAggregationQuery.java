package dev.tally.audit.chargeback.source.cur;

import static dev.tally.audit.chargeback.source.cur.CurColumns.*;

import dev.tally.audit.chargeback.model.CostMetric;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of the CUR month aggregation, rendered for DuckDB (local files) or Athena. Aggregation happens in
 * SQL, grouped by account, service, line item type and tag values, so memory depends on the number of groups, never
 * on the number of line items.
 *
 * <p>Output columns of {@link #groupedSql()}: {@code account_id, service, line_item_type, tag_0..tag_n, amount,
 * line_items}. Output of {@link #totalSql()}: {@code total, line_items, currencies, currency, uninvoiced_line_items}.
 *
 * @param dialect           where it runs
 * @param relation          the table (Athena: {@code database.table}) or DuckDB view to read
 * @param month             the billing period ({@code bill_billing_period_start_date} within the month)
 * @param metric            the cost figure
 * @param tags              the tag keys to group by, in output order
 * @param tagEncoding       how {@code resource_tags} is stored
 * @param netColumnsPresent which net columns exist (net amortized falls back to gross columns without them)
 * @param partitioned       whether the relation has the {@code billing_period} partition column ({@code YYYY-MM}) of
 *                          the {@code BILLING_PERIOD=YYYY-MM/} folders Data Exports writes: the query then also names
 *                          the partition, so the engine (DuckDB over the folders, Athena over the table) reads that
 *                          month's files only and never the history
 */
public record CurAggregationQuery(SqlDialect dialect, String relation, YearMonth month, CostMetric metric,
        List<CurTag> tags, TagEncoding tagEncoding, Set<String> netColumnsPresent, boolean partitioned)
        implements MonthQuery {

    /** The partition column of a CUR 2.0 export's folders and of the table a Glue crawler makes of them. */
    public static final String PARTITION = "billing_period";

    private static final Pattern RELATION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");

    public CurAggregationQuery {
        if (!RELATION.matcher(relation).matches()) {
            throw new IllegalArgumentException("table name '" + relation
                    + "' must be [catalog.][database.]table of letters, digits and underscores");
        }
        tags = List.copyOf(tags);
        netColumnsPresent = Set.copyOf(netColumnsPresent);
    }

    /** A query over a relation without the {@code billing_period} partition (files outside partition folders). */
    public CurAggregationQuery(SqlDialect dialect, String relation, YearMonth month, CostMetric metric,
            List<CurTag> tags, TagEncoding tagEncoding, Set<String> netColumnsPresent) {
        this(dialect, relation, month, metric, tags, tagEncoding, netColumnsPresent, false);
    }

    /** The month's cost grouped by account, service, line item type and tag values. */
    @Override
    public String groupedSql() {
        StringBuilder sql = new StringBuilder("SELECT\n")
                .append("  ").append(ACCOUNT).append(" AS account_id,\n")
                .append("  ").append(PRODUCT_CODE).append(" AS service,\n")
                .append("  ").append(LINE_ITEM_TYPE).append(" AS line_item_type,\n");
        for (int i = 0; i < tags.size(); i++) {
            sql.append("  NULLIF(").append(tagValue(tags.get(i))).append(", '') AS tag_").append(i).append(",\n");
        }
        sql.append("  SUM(\n    ").append(costSql()).append(") AS amount,\n")
                .append("  COUNT(*) AS line_items\n")
                .append("FROM ").append(relation).append('\n')
                .append("WHERE ").append(monthPredicate()).append('\n')
                .append("GROUP BY ");
        int groupColumns = 3 + tags.size();
        for (int i = 1; i <= groupColumns; i++) {
            sql.append(i).append(i < groupColumns ? ", " : "\n");
        }
        sql.append("ORDER BY ");
        for (int i = 1; i <= groupColumns; i++) {
            sql.append(i).append(i < groupColumns ? ", " : "");
        }
        return sql.toString();
    }

    /** The month's ungrouped total, currency check and invoice state: reconciliation's independent answer. */
    @Override
    public String totalSql() {
        return MonthQuery.totalSql("\n    " + costSql(), CURRENCY, INVOICE_ID, relation, monthPredicate());
    }

    String costSql() {
        return new CostExpression(metric, netColumnsPresent).sql();
    }

    /** The first candidate key with a value; a single candidate needs no COALESCE. */
    private String tagValue(CurTag tag) {
        List<String> lookups = tag.candidates().stream()
                .map(key -> tagEncoding == TagEncoding.MAP
                        ? dialect.mapValue(RESOURCE_TAGS, key)
                        : dialect.jsonValue(RESOURCE_TAGS, key))
                .toList();
        return lookups.size() == 1 ? lookups.get(0) : "COALESCE(" + String.join(", ", lookups) + ")";
    }

    private String monthPredicate() {
        String start = dialect.timestamp(BILLING_PERIOD_START);
        // The partition prunes files; the row predicate still decides, so a stray line item of another month in the
        // folder is not counted.
        return (partitioned ? PARTITION + " = '" + month + "' AND " : "")
                + start + " >= TIMESTAMP '" + month.atDay(1) + " 00:00:00' AND " + start + " < TIMESTAMP '"
                + month.plusMonths(1).atDay(1) + " 00:00:00'";
    }
}
