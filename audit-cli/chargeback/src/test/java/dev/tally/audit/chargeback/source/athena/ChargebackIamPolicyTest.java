package dev.tally.audit.chargeback.source.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.costexplorer.CostExplorerSource;
import dev.tally.audit.chargeback.source.cur.AthenaQuery;
import dev.tally.audit.chargeback.source.cur.CurAggregationQuery;
import dev.tally.audit.chargeback.source.cur.CurFixture;
import dev.tally.audit.chargeback.source.cur.MarchBill;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.ApiCallLedger.ApiCall;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * Chargeback's IAM policies ({@code policies/iam/tally-chargeback-*.json}) against the calls its adapters really
 * make: both AWS sources run every path that calls AWS (a month, an unknown tag key, an empty month, a timed-out
 * query) through clients built the CLI's way ({@link AwsSettings}, whose {@link ApiCallLedger} counts each
 * operation), against WireMock. Every operation must map to a granted action, and every granted action of the
 * caller's own services must have been used, as the scan's policy test holds the scan's policy.
 */
@DisplayName("chargeback IAM policies: least privilege, against the calls the adapters make")
class ChargebackIamPolicyTest {
    /** Which IAM action authorises each SDK operation; an operation missing here fails the test rather than guessed. */
    private static final Map<ApiCall, String> ACTIONS = Map.of(
            new ApiCall("Athena", "StartQueryExecution"), "athena:StartQueryExecution",
            new ApiCall("Athena", "GetQueryExecution"), "athena:GetQueryExecution",
            new ApiCall("Athena", "GetQueryResults"), "athena:GetQueryResults",
            new ApiCall("Athena", "StopQueryExecution"), "athena:StopQueryExecution",
            new ApiCall("CostExplorer", "GetCostAndUsage"), "ce:GetCostAndUsage");

    /**
     * What Athena itself does with the caller's permissions to run a SELECT on a partitioned Glue table and write its
     * result (AWS: "Access to AWS Glue Data Catalog", "Access to Amazon S3" in the Athena user guide). No SDK call of
     * ours shows them, so the policy must hold exactly these and nothing more.
     */
    private static final Set<String> ATHENA_ON_CALLERS_BEHALF = Set.of("glue:GetDatabase", "glue:GetTable",
            "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition", "s3:GetBucketLocation",
            "s3:ListBucket", "s3:GetObject", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts",
            "s3:AbortMultipartUpload", "s3:PutObject");

    private static final String TABLE = "cur_db.cur2";
    @TempDir
    static Path dir;
    static WireMockServer wireMock;
    static final ApiCallLedger LEDGER = new ApiCallLedger();

    @BeforeAll
    static void runEveryAwsPath() throws Exception {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        AwsSettings settings = new AwsSettings(Optional.empty(),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s"))), LEDGER,
                Optional.of(URI.create(wireMock.baseUrl())), 1);
        AthenaWire wire = new AthenaWire(wireMock);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            Path parquet = CurFixture.parquet(dir.resolve("march.parquet"), MarchBill.lineItems(), Set.of());
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("CREATE SCHEMA cur_db");
            sql.execute("CREATE TABLE " + TABLE + " AS SELECT *, '2025-03' AS billing_period FROM '" + parquet + "'");
            // A month with an unknown tag key: total, grouped, and the tag keys query.
            CurAggregationQuery march = AthenaQuery.query(TABLE, MarchBill.MARCH, CostMetric.AMORTIZED,
                    List.of("tema"));
            wire.query(march.totalSql(), "q-total", 10, rows(duckdb, march.totalSql()), 1000, "SUCCEEDED");
            wire.query(march.groupedSql(), "q-grouped", 10, rows(duckdb, march.groupedSql()), 1000, "SUCCEEDED");
            String keys = AthenaSource.tagKeysSql(TABLE, MarchBill.MARCH);
            wire.query(keys, "q-keys", 10, rows(duckdb, keys), 1000, "SUCCEEDED");
            // An empty month: total, and the partitions query.
            YearMonth july = YearMonth.of(2025, 7);
            CurAggregationQuery empty = AthenaQuery.query(TABLE, july, CostMetric.AMORTIZED, List.of());
            wire.query(empty.totalSql(), "q-july", 10, rows(duckdb, empty.totalSql()), 1000, "SUCCEEDED");
            String periods = AthenaSource.partitionsSql(TABLE);
            wire.query(periods, "q-periods", 10, rows(duckdb, periods), 1000, "SUCCEEDED");
            // A query that never finishes: stopped.
            CurAggregationQuery slow = AthenaQuery.query(TABLE, YearMonth.of(2025, 6), CostMetric.AMORTIZED,
                    List.of());
            wire.query(slow.totalSql(), "q-slow", 0, new AthenaWire.Rows(List.of(), List.of()), 1000, "RUNNING");
            wire.stopAccepted();
        }
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ResultsByTime\": [{\"TimePeriod\": {\"Start\": \"2025-03-01\", \"End\":"
                                + " \"2025-04-01\"}, \"Total\": {\"AmortizedCost\": {\"Amount\": \"0\", \"Unit\":"
                                + " \"USD\"}}, \"Groups\": [], \"Estimated\": false}]}")));

        AthenaClient athena = settings.build(AthenaClient.builder(), Region.EU_WEST_1);
        AthenaPolling polling = new AthenaPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(100));
        AthenaSource source = new AthenaSource(athena, TABLE, Optional.of("primary"),
                Optional.of("s3://tally-athena-results/"), polling);
        assertThatThrownBy(() -> source.load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("tema")))
                .hasMessageContaining("unknown tag key");
        assertThatThrownBy(() -> source.load(YearMonth.of(2025, 7), CostMetric.AMORTIZED, List.of()))
                .hasMessageContaining("no line items");
        assertThatThrownBy(() -> source.load(YearMonth.of(2025, 6), CostMetric.AMORTIZED, List.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("was stopped");
        CostExplorerClient costExplorer = settings.build(CostExplorerClient.builder(), CostExplorerSource.REGION);
        new CostExplorerSource(costExplorer, Optional.empty(), "test")
                .load(MarchBill.MARCH, CostMetric.AMORTIZED, List.of("team"));
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    private static AthenaWire.Rows rows(Connection duckdb, String athenaSql) throws Exception {
        return AthenaWire.rowsOf(duckdb, athenaSql.replaceAll("element_at\\(resource_tags, ('[^']+')\\)",
                "resource_tags[$1]"));
    }

    /** The actions the adapters used, each SDK operation mapped through {@link #ACTIONS}. */
    private static Set<String> used() {
        Set<String> used = new TreeSet<>();
        Set<String> unmapped = new TreeSet<>();
        LEDGER.snapshot().keySet().forEach(call -> {
            String action = ACTIONS.get(call);
            if (action == null) {
                unmapped.add(call.toString());
            } else {
                used.add(action);
            }
        });
        assertThat(unmapped).as("SDK operations with no IAM mapping: add them to ACTIONS and the policy").isEmpty();
        return used;
    }

    @Test
    @DisplayName("every Athena operation the source made is granted, and the policy grants no Athena action unused")
    void athenaPolicy() throws IOException {
        Set<String> granted = actions(policy("tally-chargeback-athena.json"));
        Set<String> usedAthena = prefixed(used(), "athena:");
        assertThat(usedAthena).containsExactlyInAnyOrder("athena:StartQueryExecution", "athena:GetQueryExecution",
                "athena:GetQueryResults", "athena:StopQueryExecution");
        assertThat(problems(usedAthena, granted, "athena:")).isEmpty();
        // What Athena reads and writes for us: exactly that, scoped to the CUR table and the two buckets.
        Set<String> onBehalf = new TreeSet<>(granted);
        onBehalf.removeIf(action -> action.startsWith("athena:"));
        assertThat(onBehalf).isEqualTo(new TreeSet<>(ATHENA_ON_CALLERS_BEHALF));
        for (JsonNode statement : policy("tally-chargeback-athena.json").path("Statement")) {
            assertThat(resources(statement)).as(statement.path("Sid").asText()).isNotEmpty()
                    .noneMatch(resource -> resource.equals("*") || resource.equals("arn:aws:s3:::*"));
        }
    }

    @Test
    @DisplayName("the Cost Explorer policy grants exactly what the Cost Explorer source calls")
    void costExplorerPolicy() throws IOException {
        Set<String> granted = actions(policy("tally-chargeback-cost-explorer.json"));
        Set<String> usedCe = prefixed(used(), "ce:");
        assertThat(usedCe).containsExactly("ce:GetCostAndUsage");
        assertThat(problems(usedCe, granted, "ce:")).isEmpty();
        assertThat(granted).isEqualTo(usedCe);
    }

    @Test
    @DisplayName("the check catches a policy that lacks a used action or grants an unused one")
    void checkCatchesViolations() {
        Set<String> used = Set.of("athena:StartQueryExecution", "athena:StopQueryExecution");
        Set<String> tooNarrowAndTooWide = Set.of("athena:StartQueryExecution", "athena:DeleteWorkGroup");
        assertThat(problems(used, tooNarrowAndTooWide, "athena:")).containsExactly(
                "missing athena:StopQueryExecution", "unused athena:DeleteWorkGroup");
    }

    /** What is used but not granted, and what is granted (for the caller's own service) but never used. */
    private static List<String> problems(Set<String> used, Set<String> granted, String prefix) {
        List<String> problems = new java.util.ArrayList<>();
        new TreeSet<>(used).stream().filter(a -> !granted.contains(a)).forEach(a -> problems.add("missing " + a));
        new TreeSet<>(granted).stream().filter(a -> a.startsWith(prefix) && !used.contains(a))
                .forEach(a -> problems.add("unused " + a));
        return problems;
    }

    private static Set<String> prefixed(Set<String> actions, String prefix) {
        Set<String> matching = new TreeSet<>(actions);
        matching.removeIf(a -> !a.startsWith(prefix));
        return matching;
    }

    private static JsonNode policy(String file) throws IOException {
        Path path = Path.of(System.getProperty("user.dir")).resolve("../../policies/iam").resolve(file).normalize();
        return new ObjectMapper().readTree(path.toFile());
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        assertThat(actions).noneMatch(a -> a.contains("*"));
        return actions;
    }

    private static List<String> resources(JsonNode statement) {
        JsonNode resource = statement.path("Resource");
        List<String> list = new java.util.ArrayList<>();
        if (resource.isArray()) {
            resource.forEach(r -> list.add(r.asText()));
        } else if (!resource.isMissingNode()) {
            list.add(resource.asText());
        }
        return list;
    }
}
