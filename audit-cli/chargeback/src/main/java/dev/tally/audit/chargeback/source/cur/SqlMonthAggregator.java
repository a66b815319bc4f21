package dev.tally.audit.chargeback.source.cur;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Aggregates a CUR month with DuckDB SQL: the grouped query and the ungrouped total of a {@link MonthQuery} (CUR 2.0 or FOCUS 1.2),
 * two separately planned scans, so the total stays an independent answer to reconcile the groups against.
 */
final class SqlMonthAggregator {
    private SqlMonthAggregator() {
    }

    /** @param engine the engine name to report */
    static CurMonthAggregate aggregate(Connection duckdb, MonthQuery query, String engine)
            throws SQLException {
        BigDecimal total;
        long lineItems;
        long uninvoiced;
        SortedSet<String> currencies = new TreeSet<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(query.totalSql())) {
            rs.next();
            total = rs.getBigDecimal("total");
            lineItems = rs.getLong("line_items");
            uninvoiced = rs.getLong("uninvoiced_line_items");
            // With three or more currencies only the smallest and largest are named: enough to report the mix.
            for (String column : List.of("currency", "other_currency")) {
                String currency = rs.getString(column);
                if (currency != null) {
                    currencies.add(currency);
                }
            }
        }
        List<CurGroup> groups = new ArrayList<>();
        if (lineItems > 0) {
            try (Statement statement = duckdb.createStatement();
                    ResultSet rs = statement.executeQuery(query.groupedSql())) {
                // Columns by position (account, service, type, tag_0..tag_n, amount, line_items).
                int tagCount = query.tags().size();
                while (rs.next()) {
                    List<String> tags = new ArrayList<>(tagCount);
                    for (int i = 0; i < tagCount; i++) {
                        tags.add(rs.getString(4 + i));
                    }
                    groups.add(new CurGroup(rs.getString(1), rs.getString(2), rs.getString(3), tags,
                            rs.getBigDecimal(4 + tagCount), rs.getLong(5 + tagCount)));
                }
            }
        }
        return new CurMonthAggregate(groups, total == null ? BigDecimal.ZERO : total, lineItems, currencies,
                uninvoiced, engine);
    }
}
