package dev.tally.audit.chargeback.source.bench;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.CurAggregationQuery;
import dev.tally.audit.chargeback.source.cur.CurTag;
import dev.tally.audit.chargeback.source.cur.DuckDbSettings;
import dev.tally.audit.chargeback.source.cur.SqlDialect;
import dev.tally.audit.chargeback.source.cur.TagEncoding;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The chargeback source's two aggregates run one at a time, so the benchmark can say where the source's time goes:
 * the reconciliation total (its own scan) and the grouped query (the baseline's work plus amortization, exact
 * decimals and the tag keys' candidate spellings). The SQL is the source's own ({@link CurAggregationQuery}), over a
 * view made as {@code CurSource} makes it for a Parquet file in a {@code BILLING_PERIOD=} folder; the benchmark checks
 * that the total and the line items equal the source's, so this cannot drift from what the source runs.
 */
final class SourceQueries {
    private final Path file;
    private final DuckDbSettings settings;
    private final CurAggregationQuery query;

    SourceQueries(Path file, DuckDbSettings settings, List<String> tagKeys) {
        this.file = file;
        this.settings = settings;
        // The generated CUR has no net_ columns; amortized cost does not read them anyway.
        this.query = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", BenchCur.MONTH, CostMetric.AMORTIZED,
                tagKeys.stream().map(CurTag::of).toList(), TagEncoding.MAP, Set.of(), true);
    }

    /** @return the month's total, as the source's total query computes it */
    BigDecimal total() {
        try (Connection duckdb = open(); Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery(query.totalSql())) {
            rs.next();
            return rs.getBigDecimal("total");
        } catch (SQLException e) {
            throw new IllegalStateException("the source's total query failed: " + e.getMessage(), e);
        }
    }

    /** @return the line items the source's grouped query counts */
    long grouped() {
        try (Connection duckdb = open(); Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery(query.groupedSql())) {
            long lineItems = 0;
            while (rs.next()) {
                lineItems += rs.getLong("line_items");
            }
            return lineItems;
        } catch (SQLException e) {
            throw new IllegalStateException("the source's grouped query failed: " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = " + settings.threads());
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET preserve_insertion_order = false");
            statement.execute("SET memory_limit = '" + settings.memoryLimit().orElse("1GB") + "'");
            statement.execute("CREATE VIEW cur AS SELECT * FROM read_parquet(['" + file
                    + "'], union_by_name = true, hive_partitioning = true, hive_types_autocast = false)");
        }
        return duckdb;
    }
}
