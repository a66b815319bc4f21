package dev.tally.audit.chargeback.run;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.athena.AthenaSource;
import dev.tally.audit.chargeback.source.athena.AthenaWire;
import dev.tally.audit.chargeback.source.cur.AthenaQuery;
import dev.tally.audit.chargeback.source.cur.CurAggregationQuery;
import dev.tally.audit.chargeback.source.cur.CurFixture;
import dev.tally.audit.chargeback.source.cur.MarchBill;
import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command with the real {@link CostSources} and {@code --source athena}: the production Athena client (standard
 * AWS configuration, {@code --region}) pointed at WireMock through the SDK's own endpoint setting
 * ({@code aws.endpointUrl}), answering Athena's JSON 1.1 with what DuckDB returns for each statement over the March
 * bill. February has no rows, as a table without that partition answers.
 */
@DisplayName("tally chargeback --source athena (real SDK client against WireMock)")
class AthenaChargebackTest {
    private static final Clock APRIL_2025 = Clock.fixed(Instant.parse("2025-04-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};
    private static final String TABLE = "cur_db.cur2";

    @TempDir
    Path dir;
    private WireMockServer wireMock;
    private AthenaWire wire;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wire = new AthenaWire(wireMock);
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
        System.setProperty("aws.endpointUrl", wireMock.baseUrl());
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        Path parquet = CurFixture.parquet(dir.resolve("march.parquet"), MarchBill.lineItems(), Set.of());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("CREATE SCHEMA cur_db");
            sql.execute("CREATE TABLE " + TABLE + " AS SELECT *, '2025-03' AS billing_period FROM '" + parquet + "'");
            int id = 0;
            for (YearMonth month : List.of(MarchBill.MARCH, YearMonth.of(2025, 2))) {
                CurAggregationQuery query = AthenaQuery.query(TABLE, month, CostMetric.AMORTIZED, List.of("team"));
                for (String statement : List.of(query.totalSql(), query.groupedSql())) {
                    wire.query(statement, "q-" + id++, 1_000_000, AthenaWire.rowsOf(duckdb, onDuckDb(statement)),
                            1000, "RUNNING", "SUCCEEDED");
                }
            }
            String periods = AthenaSource.partitionsSql(TABLE);
            wire.query(periods, "q-periods", 10, AthenaWire.rowsOf(duckdb, periods), 1000, "SUCCEEDED");
        }
    }

    @AfterEach
    void stop() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        wireMock.stop();
    }

    private static String onDuckDb(String athenaSql) {
        return athenaSql.replaceAll("element_at\\(resource_tags, ('[^']+')\\)", "resource_tags[$1]");
    }

    @Test
    @DisplayName("allocates and reconciles the month Athena computed; the source line states the scan and its price")
    void reportFromAthena() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                owner-tags: [team]
                shared:
                  - name: tax
                    match: { kinds: [tax] }
                    method: proportional
                """);
        CommandResult result = CommandResult.run(new CostSources(), APRIL_2025, "--month", "2025-03", "--source",
                "athena", "--athena-table", TABLE, "--athena-workgroup", "finops", "--athena-output",
                "s3://tally-athena-results/", "--region", "eu-west-1", "--rules", rules.toString(), "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/reconciliation/sourceTotal").decimalValue()).isEqualByComparingTo("269.87");
        assertThat(json.at("/reconciliation/difference").decimalValue()).isZero();
        assertThat(json.get("source").asText())
                .isEqualTo("Athena cur_db.cur2 (billing_period 2025-03; 2 queries, 1.9 MB scanned, USD 0.000096)");
        assertThat(json.at("/previousMonth/available").asBoolean()).isFalse();
        assertThat(json.at("/previousMonth/note").asText()).contains("no line items for 2025-02")
                .contains("billing periods present: 2025-03");
        assertThat(wire.calls("GetQueryResults")).isEqualTo(4);
    }
}
