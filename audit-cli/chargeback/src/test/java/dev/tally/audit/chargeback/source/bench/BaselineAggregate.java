package dev.tally.audit.chargeback.source.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's baseline: the DuckDB aggregate a user could write in five minutes over the same file. One scan,
 * grouped by account, service, line item type and the two tag keys exactly as the generated CUR spells them, summing
 * the unblended cost as DOUBLE. It has none of what the chargeback source adds (the amortized cost per line item type,
 * exact decimals, the tag key's candidate spellings, the separate reconciliation total, the currency and invoice
 * checks, the schema check of every file), so the source's throughput relative to it is the price of those.
 */
final class BaselineAggregate {
    private BaselineAggregate() {
    }

    /** @return the line items aggregated */
    static long run(Path file, int threads, String memoryLimit) {
        String sql = """
                SELECT line_item_usage_account_id, line_item_product_code, line_item_line_item_type,
                       resource_tags['user_tally_cost_center'] AS cost_center,
                       resource_tags['user_tally_owner'] AS owner,
                       SUM(line_item_unblended_cost) AS cost, COUNT(*) AS line_items
                FROM read_parquet('%s')
                WHERE bill_billing_period_start_date >= TIMESTAMP '%s 00:00:00'
                  AND bill_billing_period_start_date < TIMESTAMP '%s 00:00:00'
                GROUP BY ALL""".formatted(file, BenchCur.MONTH.atDay(1), BenchCur.MONTH.plusMonths(1).atDay(1));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            long lineItems = 0;
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    lineItems += rs.getLong("line_items");
                }
            }
            return lineItems;
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline query failed: " + e.getMessage(), e);
        }
    }
}
