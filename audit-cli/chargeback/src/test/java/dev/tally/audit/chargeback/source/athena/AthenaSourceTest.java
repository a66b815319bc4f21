package dev.tally.audit.chargeback.source.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.source.cur.AthenaQuery;
import dev.tally.audit.chargeback.source.cur.CurAggregationQuery;
import dev.tally.audit.chargeback.source.cur.CurFixture;
import dev.tally.audit.chargeback.source.cur.CurSource;
import dev.tally.audit.chargeback.source.cur.DuckDbSettings;
import dev.tally.audit.chargeback.source.cur.MarchBill;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The Athena source through the real SDK client against WireMock speaking Athena's JSON 1.1 protocol. The answers
 * are not made up: each is what DuckDB returns for the very SQL the source sends, run over a table holding the
 * hand-computed March bill, so the Athena month must equal the local engine's month over the same bill.
 */
@DisplayName("Athena source (real SDK client against WireMock speaking JSON 1.1)")
class AthenaSourceTest {
    private static final String TABLE = "cur_db.cur2";
    private static final String OUTPUT = "s3://tally-athena-results/chargeback/";
    private static final AthenaPolling FAST = new AthenaPolling(Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofSeconds(20));

    @TempDir
    static Path dir;
    static Path parquet;
    static Connection duckdb;
    private WireMockServer wireMock;
    private AthenaWire wire;
    private AthenaClient client;

    @BeforeAll
    static void table() throws Exception {
        parquet = CurFixture.parquet(dir.resolve("BILLING_PERIOD=2025-03/part-0.parquet"), MarchBill.lineItems(),
                Set.of());
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("CREATE SCHEMA cur_db");
            // The table a Glue crawler makes of the export: the files' columns plus the billing_period partition.
            sql.execute("CREATE TABLE " + TABLE + " AS SELECT *, '2025-03' AS billing_period FROM read_parquet('"
                    + parquet + "', hive_partitioning = false)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        wire = new AthenaWire(wireMock);
        client = AthenaClient.builder().endpointOverride(URI.create(wireMock.baseUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    private AthenaSource source(AthenaPolling polling) {
        return new AthenaSource(client, TABLE, Optional.of("finops"), Optional.of(OUTPUT), polling);
    }

    /** Athena's map access as DuckDB spells it (DuckDB's element_at returns a list). */
    private static String onDuckDb(String athenaSql) {
        return athenaSql.replaceAll("element_at\\(resource_tags, ('[^']+')\\)", "resource_tags[$1]");
    }

    private static AthenaWire.Rows answer(String athenaSql) throws SQLException {
        return AthenaWire.rowsOf(duckdb, onDuckDb(athenaSql));
    }

    private void stubMonth(YearMonth month, CostMetric metric, List<String> tags, int pageSize) throws SQLException {
        CurAggregationQuery query = AthenaQuery.query(TABLE, month, metric, tags);
        wire.query(query.totalSql(), "q-total", 1_500_000_000L, answer(query.totalSql()), pageSize,
                "QUEUED", "RUNNING", "SUCCEEDED");
        wire.query(query.groupedSql(), "q-grouped", 2_000_000_000L, answer(query.groupedSql()), pageSize,
                "RUNNING", "SUCCEEDED");
    }

    @Test
    @DisplayName("the month from Athena equals the local engine's month, in every metric, every page read")
    void sameMonthAsDuckDb() throws Exception {
        for (CostMetric metric : CostMetric.values()) {
            wireMock.resetAll();
            stubMonth(MarchBill.MARCH, metric, List.of("team", "env"), 3);
            MonthlyCost athena = source(FAST).load(MarchBill.MARCH, metric, List.of("team", "env"));
            MonthlyCost local = new CurSource(List.of(parquet), DuckDbSettings.defaults())
                    .load(MarchBill.MARCH, metric, List.of("team", "env"));
            assertThat(athena.rows()).as(metric.name()).containsExactlyInAnyOrderElementsOf(local.rows());
            assertThat(athena.sourceTotal()).as(metric.name()).isEqualByComparingTo(local.sourceTotal());
            assertThat(athena.monthClosed()).isTrue();
            // Eleven groups and a header row in pages of three: every page was asked for.
            int groups = answer(AthenaQuery.query(TABLE, MarchBill.MARCH, metric, List.of("team", "env"))
                    .groupedSql()).values().size();
            assertThat(wire.calls("GetQueryResults")).isEqualTo(1 + (groups + 1 + 2) / 3);
        }
    }

    @Test
    @DisplayName("the requests name the workgroup, the output location and the month's partition")
    void requests() throws Exception {
        stubMonth(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("team"), 1000);
        source(FAST).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("team"));

        assertThat(wire.calls("StartQueryExecution")).isEqualTo(2);
        wireMock.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
                .withRequestBody(matchingJsonPath("$.WorkGroup", equalTo("finops")))
                .withRequestBody(matchingJsonPath("$.ResultConfiguration.OutputLocation", equalTo(OUTPUT)))
                .withRequestBody(matchingJsonPath("$.QueryString",
                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "WHERE billing_period = '2025-03' AND "))));
        // QUEUED, RUNNING, SUCCEEDED for the total; RUNNING, SUCCEEDED for the groups.
        assertThat(wire.calls("GetQueryExecution")).isEqualTo(5);
    }

    @Test
    @DisplayName("the source line states the queries, the data scanned and its price (USD 5 per TB, 10 MB minimum)")
    void scannedAndPriced() throws Exception {
        stubMonth(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("team"), 1000);
        MonthlyCost cost = source(FAST).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("team"));
        // 1.5e9 B = 1,431 MB -> USD 0.006824; 2e9 B = 1,908 MB -> USD 0.009098; 3.5e9 B = 3.3 GiB.
        assertThat(cost.source()).isEqualTo(
                "Athena cur_db.cur2 (billing_period 2025-03; 2 queries, 3.3 GB scanned, USD 0.015922)");
        assertThat(AthenaScanPrice.usd(1)).as("10 MB minimum").isEqualByComparingTo("0.000048");
    }

    @Test
    @DisplayName("polls with a doubling interval up to the maximum")
    void backoff() throws Exception {
        CurAggregationQuery query = AthenaQuery.query(TABLE, MarchBill.MARCH, CostMetric.UNBLENDED, List.of());
        wire.query(query.totalSql(), "q-total", 10, answer(query.totalSql()), 1000,
                "QUEUED", "QUEUED", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED");
        wire.query(query.groupedSql(), "q-grouped", 10, answer(query.groupedSql()), 1000, "SUCCEEDED");
        List<Duration> waits = new ArrayList<>();
        AthenaPolling polling = new AthenaPolling(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(1));
        new AthenaSource(client, TABLE, Optional.empty(), Optional.empty(), polling, waits::add)
                .load(MarchBill.MARCH, CostMetric.UNBLENDED, List.of());

        assertThat(waits).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 40L, 40L, 40L, 10L);
    }

    @Test
    @DisplayName("a failed query: exit 3 with Athena's reason, no result read, no report")
    void failed() {
        CurAggregationQuery query = AthenaQuery.query(TABLE, MarchBill.MARCH, CostMetric.AMORTIZED, List.of());
        wire.query(query.totalSql(), "q-total", 0, new AthenaWire.Rows(List.of(), List.of()), 1000);
        wire.states("q-total", 0, "TABLE_NOT_FOUND: line 9:6: Table 'awsdatacatalog.cur_db.cur2' does not exist",
                "RUNNING", "FAILED");

        assertThatThrownBy(() -> source(FAST).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INCOMPLETE))
                .hasMessageContaining("Athena query q-total (the total for 2025-03) failed: TABLE_NOT_FOUND")
                .hasMessageContaining("No report was written");
        assertThat(wire.calls("GetQueryResults")).isZero();
    }

    @Test
    @DisplayName("a cancelled query: exit 3 naming it")
    void cancelled() throws Exception {
        stubMonth(MarchBill.MARCH, CostMetric.AMORTIZED, List.of(), 1000);
        wireMock.resetScenarios();
        wire.states("q-grouped", 0, "Query was cancelled by user", "RUNNING", "CANCELLED");

        assertThatThrownBy(() -> source(FAST).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INCOMPLETE))
                .hasMessageContaining("Athena query q-grouped (the grouped query for 2025-03) was cancelled: "
                        + "Query was cancelled by user");
    }

    @Test
    @DisplayName("a query past the timeout is stopped (StopQueryExecution) and exits 3")
    void timeout() {
        CurAggregationQuery query = AthenaQuery.query(TABLE, MarchBill.MARCH, CostMetric.AMORTIZED, List.of());
        wire.query(query.totalSql(), "q-total", 0, new AthenaWire.Rows(List.of(), List.of()), 1000, "RUNNING");
        wire.stopAccepted();
        AthenaPolling polling = new AthenaPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(150));

        assertThatThrownBy(() -> source(polling).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INCOMPLETE))
                .hasMessageContaining("did not finish within 150 ms and was stopped (last state RUNNING)");
        assertThat(wire.calls("StopQueryExecution")).isEqualTo(1);
        assertThat(wire.calls("GetQueryResults")).isZero();
    }

    @Test
    @DisplayName("AccessDenied: exit 3, one line naming the IAM policy to grant")
    void accessDenied() {
        wire.error("StartQueryExecution", 400, "AccessDeniedException",
                "User: arn:aws:iam::111111111111:user/ci is not authorized to perform: athena:StartQueryExecution");

        assertThatThrownBy(() -> source(FAST).load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INCOMPLETE))
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("policies/iam/tally-chargeback-athena.json")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("an empty month: exit 2 listing the table's billing periods")
    void emptyMonth() throws Exception {
        YearMonth july = YearMonth.of(2025, 7);
        CurAggregationQuery query = AthenaQuery.query(TABLE, july, CostMetric.AMORTIZED, List.of());
        wire.query(query.totalSql(), "q-total", 10, answer(query.totalSql()), 1000, "SUCCEEDED");
        String periods = AthenaSource.partitionsSql(TABLE);
        wire.query(periods, "q-periods", 10, answer(periods), 1000, "SUCCEEDED");

        assertThatThrownBy(() -> source(FAST).load(july, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("the Athena table cur_db.cur2 has no line items for 2025-07 (billing periods present: "
                        + "2025-03): pick one of those months or add that month's export");
    }

    @Test
    @DisplayName("a tag key that tags nothing: exit 2 listing the month's resource_tags keys")
    void unknownTagKey() throws Exception {
        stubMonth(MarchBill.MARCH, CostMetric.UNBLENDED, List.of("tema"), 1000);
        String keys = AthenaSource.tagKeysSql(TABLE, MarchBill.MARCH);
        wire.query(keys, "q-keys", 10, answer(keys), 1000, "SUCCEEDED");

        assertThatThrownBy(() -> source(FAST).load(MarchBill.MARCH, CostMetric.UNBLENDED, List.of("tema")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("unknown tag key tema (looked for user_tema)")
                .hasMessageContaining("has user_env, user_team in 2025-03");
    }

    @Test
    @DisplayName("a table name that could inject SQL or an output that is not S3 is refused before any request")
    void badArguments() {
        assertThatThrownBy(() -> new AthenaSource(client, "cur; DROP TABLE x", Optional.empty(), Optional.empty(),
                FAST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AthenaSource(client, TABLE, Optional.empty(), Optional.of("bucket/prefix"), FAST))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is not an S3 location");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("every statement the source sends parses as SQL (DuckDB's parser); a broken one does not")
    void everyStatementParses() throws Exception {
        List<String> statements = new ArrayList<>();
        for (CostMetric metric : CostMetric.values()) {
            CurAggregationQuery query = AthenaQuery.query(TABLE, MarchBill.MARCH, metric,
                    List.of("team", "tally:cost-center"));
            statements.add(query.totalSql());
            statements.add(query.groupedSql());
        }
        statements.add(AthenaSource.partitionsSql(TABLE));
        statements.add(AthenaSource.tagKeysSql(TABLE, MarchBill.MARCH));
        for (String sql : statements) {
            assertThat(parseError(sql)).as(sql).isEmpty();
        }
        assertThat(parseError(statements.get(1).replace("GROUP BY", "GROUP"))).isPresent();
    }

    /** DuckDB's parser alone (no binding), so Athena-only functions do not matter: a syntax error does. */
    private static Optional<String> parseError(String sql) throws Exception {
        try (Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery("SELECT json_serialize_sql('" + sql.replace("'", "''") + "')")) {
            rs.next();
            var json = new ObjectMapper().readTree(rs.getString(1));
            return json.get("error").asBoolean() ? Optional.of(json.get("error_message").asText()) : Optional.empty();
        }
    }
}
