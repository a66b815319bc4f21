package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.CostMetric;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * The CUR aggregation as Amazon Athena SQL ({@code --emit-athena-sql}, {@code --source athena}), for an organisation whose
 * CUR outgrows one machine: the same {@link CurAggregationQuery} DuckDB runs, over the CUR 2.0 table AWS Data Exports
 * creates, where {@code resource_tags} is a {@code map<string,string>} and every net column exists.
 */
public final class AthenaQuery {
    private AthenaQuery() {
    }

    /**
     * The query {@code --source athena} runs and {@code --emit-athena-sql} prints: over the CUR 2.0 table, where every
     * net column exists, restricted to the month's {@code billing_period} partition so Athena scans only that month.
     *
     * @param table {@code database.table} of the CUR 2.0 export in the Glue catalog
     */
    public static CurAggregationQuery query(String table, YearMonth month, CostMetric metric, List<String> tagKeys) {
        return new CurAggregationQuery(SqlDialect.ATHENA, table, month, metric,
                tagKeys.stream().map(CurTag::of).toList(), TagEncoding.MAP, Set.copyOf(CurColumns.NET_COLUMNS), true);
    }

    /**
     * @param table {@code database.table} of the CUR 2.0 export in the Glue catalog
     * @return the grouped query and the independent total query, each ending in {@code ;}, with comment headers
     */
    public static String render(String table, YearMonth month, CostMetric metric, List<String> tagKeys) {
        CurAggregationQuery query = query(table, month, metric, tagKeys);
        return "-- tally chargeback: " + month + ", " + metric + " cost by account, service, line item type"
                + (tagKeys.isEmpty() ? "" : " and tags " + String.join(", ", tagKeys)) + "\n"
                + query.groupedSql() + ";\n\n"
                + "-- the month's independent total (reconciliation), currencies and invoice state\n"
                + query.totalSql() + ";\n";
    }
}
