package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.direct.DirectParquetAggregator;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The direct Parquet reader against DuckDB SQL, the reference: for files full of the awkward cases (NULL keys and
 * costs, every line item type, both tag key spellings, empty and NULL tag values, NULL and empty maps, other months,
 * non-ASCII names, several row groups, every compression, decimal and timestamp variants), both engines must give
 * the very same groups, in the same order, and the same total, line item count, currencies and invoice state.
 */
@DisplayName("Direct Parquet aggregation gives exactly what DuckDB SQL gives")
class DirectParquetAggregatorTest {
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final List<String> TAGS = List.of("tally:cost-center", "team");

    @TempDir
    Path dir;

    /**
     * 40,000 line items over September to November from a hash of the row number (deterministic): every value an
     * aggregation treats specially occurs many times.
     */
    private static String select(String costType, String periodType) {
        String cost = "CAST(CASE WHEN h % 9 = 0 THEN NULL ELSE ((h // 3) % 2000001 - 1000000) / 7.0 END AS " + costType
                + ")";
        String small = "CAST(CASE WHEN h % 5 = 0 THEN NULL ELSE ((h // 11) % 100000) * 0.00000000005 END AS "
                + costType + ")";
        return """
                SELECT
                  CASE WHEN h %% 17 = 0 THEN NULL ELSE '11000000000' || (h %% 7) END AS line_item_usage_account_id,
                  CASE WHEN h %% 23 = 0 THEN NULL WHEN h %% 11 = 0 THEN 'AWSSupportBusiness'
                       WHEN h %% 13 = 0 THEN 'Ünïcode-𝄞-Service' WHEN h %% 19 = 0 THEN 'ﬀ-ligature'
                       ELSE 'Service' || ((h // 7) %% 5) END AS line_item_product_code,
                  (['Usage', 'SavingsPlanCoveredUsage', 'SavingsPlanRecurringFee', 'SavingsPlanNegation',
                    'SavingsPlanUpfrontFee', 'DiscountedUsage', 'RIFee', 'Fee', 'Tax', 'Credit', 'Refund',
                    'EdpDiscount', NULL, 'usage'])[1 + (h // 13) %% 14] AS line_item_line_item_type,
                  CASE WHEN h %% 1000 = 0 THEN NULL ELSE 'USD' END AS line_item_currency_code,
                  CAST(TIMESTAMP '2025-09-01' + INTERVAL (((h // 5) %% 3)) MONTH AS %s)
                    AS bill_billing_period_start_date,
                  CASE WHEN h %% 10 = 0 THEN NULL WHEN h %% 10 = 1 THEN '' ELSE 'EUINGB25-1' END AS bill_invoice_id,
                  CASE WHEN h %% 4 = 0 THEN NULL WHEN h %% 4 = 1 THEN ''
                       ELSE 'arn:aws:ec2:us-east-1:1:reserved-instances/r' END AS reservation_reservation_a_r_n,
                  (CASE (h // 17) %% 9
                     WHEN 0 THEN NULL
                     WHEN 1 THEN MAP {}::MAP(VARCHAR, VARCHAR)
                     WHEN 2 THEN MAP {'user_tally:cost-center': 'cc-a', 'user_tally_cost_center': 'cc-b'}
                     WHEN 3 THEN MAP {'user_tally:cost-center': NULL, 'user_tally_cost_center': 'cc-c',
                                      'user_team': 'Ops'}
                     WHEN 4 THEN MAP {'user_tally:cost-center': '', 'user_tally_cost_center': 'cc-d'}
                     WHEN 5 THEN MAP {'user_team': '', 'other': 'x'}
                     WHEN 6 THEN MAP {'other': 'y', 'user_tally_cost_center': 'cc-' || ((h // 3) %% 4),
                                      'user_team': 'team-' || (h %% 3)}
                     WHEN 7 THEN MAP {'user_team': NULL}
                     ELSE MAP {'user_tally_cost_center': 'Ünïcode-𝄞'} END)::MAP(VARCHAR, VARCHAR) AS resource_tags,
                  %s AS line_item_unblended_cost, %s AS line_item_net_unblended_cost,
                  %s AS savings_plan_savings_plan_effective_cost, %s AS savings_plan_net_savings_plan_effective_cost,
                  %s AS savings_plan_total_commitment_to_date, %s AS savings_plan_used_commitment,
                  %s AS reservation_effective_cost, %s AS reservation_net_effective_cost,
                  %s AS reservation_unused_amortized_upfront_fee_for_billing_period,
                  %s AS reservation_net_unused_amortized_upfront_fee_for_billing_period,
                  %s AS reservation_unused_recurring_fee, %s AS reservation_net_unused_recurring_fee
                FROM (SELECT CAST(hash(i) >> 1 AS BIGINT) AS h FROM range(40000) r(i))"""
                .formatted(periodType, cost, small, cost, small, cost, small, cost, small, cost, small, cost, small);
    }

    private Path write(String name, String select, String options) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet" + options + ")");
        }
        return file;
    }

    private static CurMonthAggregate sql(List<Path> files, YearMonth month, CostMetric metric, List<String> tags)
            throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE VIEW cur AS SELECT * FROM " + CurSchema.reader(CurFiles.Format.PARQUET, files));
            CurSchema schema = CurSchema.inspect(duckdb, new CurFiles(CurFiles.Format.PARQUET, files),
                    CurColumns.required(metric, !tags.isEmpty()));
            Set<String> net = new TreeSet<>(CurColumns.NET_COLUMNS);
            net.retainAll(schema.columns().keySet());
            return SqlMonthAggregator.aggregate(duckdb, new CurAggregationQuery(SqlDialect.DUCKDB, "cur", month,
                    metric, tags.stream().map(CurTag::of).toList(), schema.tagEncoding(), net), "duckdb");
        }
    }

    private static CurMonthAggregate direct(List<Path> files, YearMonth month, CostMetric metric, List<String> tags,
            int threads) throws Exception {
        Set<String> net = metric == CostMetric.NET_AMORTIZED ? Set.copyOf(CurColumns.NET_COLUMNS) : Set.of();
        return new DirectParquetAggregator(files, threads).aggregate(month, metric,
                tags.stream().map(CurTag::of).toList(), net);
    }

    private static void assertSame(CurMonthAggregate direct, CurMonthAggregate sql) {
        assertThat(direct.lineItems()).as("line items").isEqualTo(sql.lineItems()).isPositive();
        assertThat(direct.total()).as("total").isEqualTo(sql.total());
        assertThat(direct.currencies()).as("currencies").isEqualTo(sql.currencies());
        assertThat(direct.uninvoicedLineItems()).as("uninvoiced").isEqualTo(sql.uninvoicedLineItems());
        assertThat(direct.groups()).as("groups, in order").containsExactlyElementsOf(sql.groups());
        assertThat(direct.engine()).isEqualTo(DirectParquetAggregator.ENGINE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CostMetric.class)
    @DisplayName("every metric, with both tag key spellings, NULLs and empty values, over several row groups")
    void sameAsSqlForEveryMetric(CostMetric metric) throws Exception {
        Path file = write("cur.parquet", select("DOUBLE", "TIMESTAMP"), ", ROW_GROUP_SIZE 4096");
        CurMonthAggregate sql = sql(List.of(file), OCTOBER, metric, TAGS);
        assertThat(sql.groups()).hasSizeGreaterThan(500);
        assertSame(direct(List.of(file), OCTOBER, metric, TAGS, 2), sql);
    }

    @Test
    @DisplayName("no tags requested: groups by account, service and type only")
    void sameAsSqlWithoutTags() throws Exception {
        Path file = write("cur.parquet", select("DOUBLE", "TIMESTAMP"), "");
        assertSame(direct(List.of(file), OCTOBER, CostMetric.AMORTIZED, List.of(), 1),
                sql(List.of(file), OCTOBER, CostMetric.AMORTIZED, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"snappy", "zstd", "gzip", "uncompressed"})
    @DisplayName("every compression AWS and DuckDB write")
    void sameAsSqlForEveryCompression(String compression) throws Exception {
        Path file = write("cur-" + compression + ".parquet", select("DOUBLE", "TIMESTAMP"),
                ", COMPRESSION " + compression + ", ROW_GROUP_SIZE 10000");
        assertSame(direct(List.of(file), OCTOBER, CostMetric.NET_AMORTIZED, TAGS, 2),
                sql(List.of(file), OCTOBER, CostMetric.NET_AMORTIZED, TAGS));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TIMESTAMPTZ", "TIMESTAMP_MS", "TIMESTAMP_NS", "DATE"})
    @DisplayName("billing periods stored as any timestamp unit, with a time zone, or as a date")
    void sameAsSqlForEveryPeriodType(String periodType) throws Exception {
        Path file = write("cur.parquet", select("DOUBLE", periodType), "");
        assertSame(direct(List.of(file), OCTOBER, CostMetric.AMORTIZED, TAGS, 2),
                sql(List.of(file), OCTOBER, CostMetric.AMORTIZED, TAGS));
    }

    @Test
    @DisplayName("costs stored as DECIMAL instead of DOUBLE")
    void sameAsSqlForDecimalCosts() throws Exception {
        Path file = write("cur.parquet", select("DECIMAL(18,6)", "TIMESTAMP"), "");
        assertSame(direct(List.of(file), OCTOBER, CostMetric.NET_AMORTIZED, TAGS, 2),
                sql(List.of(file), OCTOBER, CostMetric.NET_AMORTIZED, TAGS));
    }

    @Test
    @DisplayName("several files, one without the net columns (read as NULL, so net amortized falls back to gross)")
    void sameAsSqlAcrossFilesWithDifferentColumns() throws Exception {
        Path withNet = write("a.parquet", select("DOUBLE", "TIMESTAMP"), "");
        Path withoutNet = write("b.parquet", "SELECT * EXCLUDE (" + String.join(", ", CurColumns.NET_COLUMNS)
                + ") FROM (" + select("DOUBLE", "TIMESTAMP") + ")", ", ROW_GROUP_SIZE 5000");
        List<Path> files = List.of(withNet, withoutNet);
        assertSame(direct(files, OCTOBER, CostMetric.NET_AMORTIZED, TAGS, 2),
                sql(files, OCTOBER, CostMetric.NET_AMORTIZED, TAGS));
    }

    @Test
    @DisplayName("the billing months present (for the empty-month message) are DuckDB's, from statistics or data")
    void billingPeriodsAsSql() throws Exception {
        Path mixed = write("mixed.parquet", select("DOUBLE", "TIMESTAMP"), ", ROW_GROUP_SIZE 4096");
        Path sorted = write("sorted.parquet", "SELECT * FROM (" + select("DOUBLE", "TIMESTAMP_MS")
                + ") ORDER BY bill_billing_period_start_date", ", ROW_GROUP_SIZE 2048");
        for (Path file : List.of(mixed, sorted)) {
            java.util.SortedSet<YearMonth> sql = new TreeSet<>();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duckdb.createStatement();
                    var rs = statement.executeQuery("SELECT DISTINCT strftime(CAST(bill_billing_period_start_date"
                            + " AS TIMESTAMP), '%Y-%m') FROM '" + file + "'")) {
                while (rs.next()) {
                    sql.add(YearMonth.parse(rs.getString(1)));
                }
            }
            assertThat(sql).containsExactly(YearMonth.of(2025, 9), OCTOBER, YearMonth.of(2025, 11));
            assertThat(dev.tally.audit.chargeback.source.cur.direct.BillingPeriods.of(List.of(file))).isEqualTo(sql);
        }
    }

    @Test
    @DisplayName("a month with no line items: nothing, like the SQL")
    void emptyMonth() throws Exception {
        Path file = write("cur.parquet", select("DOUBLE", "TIMESTAMP"), "");
        CurMonthAggregate direct = direct(List.of(file), YearMonth.of(2024, 1), CostMetric.AMORTIZED, TAGS, 2);
        assertThat(direct.lineItems()).isZero();
        assertThat(direct.groups()).isEmpty();
        assertThat(direct.total()).isZero();
    }

    @Test
    @DisplayName("a billing period stored as text, or resource_tags as JSON text, is refused, so DuckDB takes over")
    void refusesTextPeriodsAndJsonTags() throws Exception {
        Path textPeriod = write("text.parquet", "SELECT * REPLACE (strftime(bill_billing_period_start_date, "
                + "'%Y-%m-%d') AS bill_billing_period_start_date) FROM (" + select("DOUBLE", "TIMESTAMP") + ")", "");
        assertThatThrownBy(() -> direct(List.of(textPeriod), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class)
                .hasMessageContaining("bill_billing_period_start_date stored as BYTE_ARRAY");
        Path jsonTags = write("json.parquet", "SELECT * REPLACE (CAST(to_json(resource_tags) AS VARCHAR) AS "
                + "resource_tags) FROM (" + select("DOUBLE", "TIMESTAMP") + ")", "");
        assertThatThrownBy(() -> direct(List.of(jsonTags), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("resource_tags is not a map");
    }

    @Test
    @DisplayName("a column type it does not convert exactly (FLOAT costs) is refused, so DuckDB takes over")
    void refusesFloatCosts() throws Exception {
        Path file = write("cur.parquet", select("FLOAT", "TIMESTAMP"), "");
        assertThatThrownBy(() -> direct(List.of(file), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("line_item_unblended_cost");
    }

    @Test
    @DisplayName("months sorted into their own row groups: row groups of other months are skipped, same answer")
    void sameAsSqlWhenStatisticsSkipRowGroups() throws Exception {
        Path file = write("sorted.parquet", "SELECT * FROM (" + select("DOUBLE", "TIMESTAMP")
                + ") ORDER BY bill_billing_period_start_date", ", ROW_GROUP_SIZE 2048");
        assertSame(direct(List.of(file), OCTOBER, CostMetric.AMORTIZED, TAGS, 2),
                sql(List.of(file), OCTOBER, CostMetric.AMORTIZED, TAGS));
    }

    @Test
    @DisplayName("a key repeated in one map: the first entry decides, even with a NULL value, as map[key] does")
    void repeatedMapKeyFirstEntryWins() throws Exception {
        // DuckDB will not build such a map, so the file is patched: user_teaX becomes a second user_team.
        Path file = write("dup.parquet", """
                SELECT '111111111111' AS line_item_usage_account_id, 'AmazonEC2' AS line_item_product_code,
                  'Usage' AS line_item_line_item_type, 'USD' AS line_item_currency_code,
                  TIMESTAMP '2025-10-01' AS bill_billing_period_start_date, 'INV' AS bill_invoice_id,
                  (CASE i % 3 WHEN 0 THEN MAP {'user_teaX': NULL, 'user_team': 'second'}
                              WHEN 1 THEN MAP {'user_team': 'first', 'user_teaX': 'second'}
                              ELSE MAP {'user_teaX': 'only'} END)::MAP(VARCHAR, VARCHAR) AS resource_tags,
                  CAST(i AS DOUBLE) AS line_item_unblended_cost
                FROM range(30) r(i)""", ", COMPRESSION uncompressed");
        assertThat(replaceAll(file, "user_teaX", "user_team")).isPositive();
        List<String> team = List.of("team");
        CurMonthAggregate sql = sql(List.of(file), OCTOBER, CostMetric.UNBLENDED, team);
        assertThat(sql.groups()).extracting(group -> group.tagValues().get(0))
                .containsExactly("first", "only", null);
        assertSame(direct(List.of(file), OCTOBER, CostMetric.UNBLENDED, team, 1), sql);
    }

    @Test
    @DisplayName("a cost column DOUBLE in one file and DECIMAL in another is left to DuckDB (which reads both as DOUBLE)")
    void mixedMoneyTypesAreRefused() throws Exception {
        Path doubles = write("a.parquet", select("DOUBLE", "TIMESTAMP"), "");
        Path decimals = write("b.parquet", select("DECIMAL(18,6)", "TIMESTAMP"), "");
        assertThatThrownBy(() -> direct(List.of(doubles, decimals), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class)
                .hasMessageContaining("line_item_unblended_cost is DOUBLE in some files and exact in others");
    }

    @Test
    @DisplayName("a string that is not UTF-8 is refused, not merged into a group with a replacement character")
    void invalidUtf8IsRefused() throws Exception {
        Path file = write("utf8.parquet", select("DOUBLE", "TIMESTAMP").replace("'Service' ||", "'SvQQ' ||"),
                ", COMPRESSION uncompressed");
        assertThat(replaceAll(file, "SvQQ", "Sv\u00fe")).isPositive();
        assertThatThrownBy(() -> direct(List.of(file), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    @DisplayName("a failure in a later row group fails the whole attempt: no partial month is ever returned")
    void failureInOneRowGroupFailsTheAttempt() throws Exception {
        // The last rows cost more than the exact range holds; the other row groups sum fine before that.
        Path file = write("late.parquet", "SELECT * REPLACE (CASE WHEN i >= 39000 THEN 1e12 ELSE "
                + "line_item_unblended_cost END AS line_item_unblended_cost) FROM (SELECT *, row_number() OVER () AS i"
                + " FROM (" + select("DOUBLE", "TIMESTAMP") + "))", ", ROW_GROUP_SIZE 2048");
        assertThatThrownBy(() -> direct(List.of(file), OCTOBER, CostMetric.UNBLENDED, TAGS, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("exact range");
    }

    /** Overwrites every occurrence of {@code from} with {@code to}: raw bytes (one per char, ISO-8859-1), same length. */
    private static int replaceAll(Path file, String from, String to) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        byte[] a = from.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] b = to.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int count = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                count++;
            }
        }
        java.nio.file.Files.write(file, bytes);
        return count;
    }
}
