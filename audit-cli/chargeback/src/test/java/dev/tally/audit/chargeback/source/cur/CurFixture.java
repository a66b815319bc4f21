package dev.tally.audit.chargeback.source.cur;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes real CUR 2.0 shaped files with DuckDB {@code COPY}: Parquet with {@code resource_tags} as a MAP and DOUBLE
 * costs (as AWS writes them), or gzipped CSV with the tags as JSON text and ISO timestamps.
 */
public final class CurFixture {
    static final List<String> COST_COLUMNS = List.of(CurColumns.UNBLENDED, CurColumns.NET_UNBLENDED,
            CurColumns.SP_EFFECTIVE, CurColumns.SP_NET_EFFECTIVE, CurColumns.SP_TOTAL_COMMITMENT,
            CurColumns.SP_USED_COMMITMENT, CurColumns.RI_EFFECTIVE, CurColumns.RI_NET_EFFECTIVE,
            CurColumns.RI_UNUSED_UPFRONT, CurColumns.RI_NET_UNUSED_UPFRONT, CurColumns.RI_UNUSED_RECURRING,
            CurColumns.RI_NET_UNUSED_RECURRING);

    private CurFixture() {
    }

    public static Path parquet(Path file, List<LineItem> items, Set<String> omit) throws SQLException {
        return write(file, items, omit, false);
    }

    public static Path csvGz(Path file, List<LineItem> items, Set<String> omit) throws SQLException {
        return write(file, items, omit, true);
    }

    private static Path write(Path file, List<LineItem> items, Set<String> omit, boolean csv) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>(List.of(CurColumns.ACCOUNT, CurColumns.PRODUCT_CODE,
                CurColumns.LINE_ITEM_TYPE, CurColumns.CURRENCY, CurColumns.BILLING_PERIOD_START,
                CurColumns.INVOICE_ID, CurColumns.RI_ARN, CurColumns.RESOURCE_TAGS));
        names.addAll(COST_COLUMNS);
        List<String> rows = new ArrayList<>();
        for (LineItem item : items) {
            List<String> values = new ArrayList<>(List.of(text(item.account), text(item.product), text(item.type),
                    text(item.currency), period(item, csv), text(item.invoiceId), text(item.reservationArn),
                    tags(item.tags, csv)));
            for (String column : COST_COLUMNS) {
                String amount = item.costs.get(column);
                values.add(amount == null ? "CAST(NULL AS DOUBLE)" : "CAST('" + amount + "' AS DOUBLE)");
            }
            rows.add("(" + String.join(", ", values) + ")");
        }
        String projection = names.stream().filter(n -> !omit.contains(n)).collect(Collectors.joining(", "));
        String select = "SELECT " + projection + " FROM (VALUES " + String.join(",\n", rows) + ") t("
                + String.join(", ", names) + ")";
        String options = csv ? "(FORMAT csv, HEADER true, COMPRESSION gzip)" : "(FORMAT parquet)";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file + "' " + options);
        }
        return file;
    }

    private static String text(String value) {
        return value == null ? "CAST(NULL AS VARCHAR)" : "'" + value.replace("'", "''") + "'";
    }

    private static String period(LineItem item, boolean csv) {
        return csv ? "'" + item.period.atDay(1) + "T00:00:00.000Z'" : "TIMESTAMP '" + item.period.atDay(1) + " 00:00:00'";
    }

    private static String tags(Map<String, String> tags, boolean csv) {
        String keys = tags.keySet().stream().map(CurFixture::text).collect(Collectors.joining(", "));
        String values = tags.values().stream().map(CurFixture::text).collect(Collectors.joining(", "));
        String map = "MAP(CAST([" + keys + "] AS VARCHAR[]), CAST([" + values + "] AS VARCHAR[]))";
        return csv ? "CAST(to_json(" + map + ") AS VARCHAR)" : map;
    }
}
