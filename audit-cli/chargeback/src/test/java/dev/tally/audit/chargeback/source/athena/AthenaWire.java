package dev.tally.audit.chargeback.source.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Athena's JSON 1.1 wire protocol served by WireMock ({@code X-Amz-Target: AmazonAthena.<Operation>},
 * {@code application/x-amz-json-1.1}), as the real SDK client speaks it: each stubbed query is started by its exact
 * SQL, moves through the given states on successive {@code GetQueryExecution} calls, and returns its rows in pages of
 * {@code pageSize} (the first page starting with the header row, as Athena does for a SELECT).
 */
public final class AthenaWire {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer wireMock;

    public AthenaWire(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Rows as Athena returns them: every value as text, NULL as null. */
    public record Rows(List<String> columns, List<List<String>> values) {
    }

    /** Runs {@code sql} on DuckDB and returns what Athena would send for it (decimals in plain notation). */
    public static Rows rowsOf(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> values = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? null
                            : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
                }
                values.add(row);
            }
            return new Rows(columns, values);
        }
    }

    /** Stubs one query from start to its last page. */
    public void query(String sql, String id, long bytesScanned, Rows rows, int pageSize, String... states) {
        stub("StartQueryExecution", post("/").withRequestBody(matchingJsonPath("$.QueryString", equalTo(sql))),
                "{\"QueryExecutionId\": \"" + id + "\"}");
        states(id, bytesScanned, null, states);
        pages(id, rows, pageSize);
    }

    /** {@code GetQueryExecution} answers for {@code id}: one state per call, the last one repeated. */
    void states(String id, long bytesScanned, String reason, String... states) {
        for (int i = 0; i < states.length; i++) {
            ObjectNode status = JSON.createObjectNode().put("State", states[i]);
            if (reason != null && (states[i].equals("FAILED") || states[i].equals("CANCELLED"))) {
                status.put("StateChangeReason", reason);
                if (states[i].equals("FAILED")) {
                    status.putObject("AthenaError").put("ErrorCategory", 2).put("ErrorType", 1301)
                            .put("Retryable", false).put("ErrorMessage", reason);
                }
            }
            ObjectNode body = JSON.createObjectNode();
            ObjectNode execution = body.putObject("QueryExecution").put("QueryExecutionId", id)
                    .put("StatementType", "DML");
            execution.set("Status", status);
            execution.putObject("Statistics").put("DataScannedInBytes", bytesScanned)
                    .put("EngineExecutionTimeInMillis", 900);
            ScenarioMappingBuilder request = post("/")
                    .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
                    .inScenario("query " + id)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll " + i);
            if (i + 1 < states.length) {
                request = request.willSetStateTo("poll " + (i + 1));
            }
            stub("GetQueryExecution", request, body.toString());
        }
    }

    private void pages(String id, Rows rows, int pageSize) {
        List<List<String>> all = new ArrayList<>();
        all.add(rows.columns());
        all.addAll(rows.values());
        int pageCount = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pageCount; page++) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode resultSet = body.putObject("ResultSet");
            ArrayNode rowsNode = resultSet.putArray("Rows");
            for (List<String> row : all.subList(page * pageSize, Math.min(all.size(), (page + 1) * pageSize))) {
                ArrayNode data = rowsNode.addObject().putArray("Data");
                row.forEach(value -> {
                    ObjectNode datum = data.addObject();
                    if (value != null) {
                        datum.put("VarCharValue", value);
                    }
                });
            }
            ArrayNode columns = resultSet.putObject("ResultSetMetadata").putArray("ColumnInfo");
            rows.columns().forEach(name -> columns.addObject().put("Name", name).put("Label", name)
                    .put("Type", "varchar").put("CatalogName", "hive").put("Nullable", "UNKNOWN"));
            if (page + 1 < pageCount) {
                body.put("NextToken", id + "-page-" + (page + 1));
            }
            MappingBuilder request = post("/").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)));
            request = page == 0 ? request.withRequestBody(notContaining("NextToken"))
                    : request.withRequestBody(matchingJsonPath("$.NextToken", equalTo(id + "-page-" + page)));
            stub("GetQueryResults", request, body.toString());
        }
    }

    /** An AWS JSON 1.1 error for every call of {@code operation}. */
    void error(String operation, int status, String type, String message) {
        wireMock.stubFor(post("/").atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonAthena." + operation))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                        .withHeader("x-amzn-ErrorType", type)
                        .withBody("{\"__type\": \"" + type + "\", \"Message\": \"" + message + "\"}")));
    }

    /** A successful empty answer to {@code StopQueryExecution}. */
    void stopAccepted() {
        stub("StopQueryExecution", post("/"), "{}");
    }

    /** How many calls of {@code operation} WireMock received. */
    public int calls(String operation) {
        return wireMock.countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena." + operation)).build()).getCount();
    }

    private void stub(String operation, MappingBuilder request, String body) {
        wireMock.stubFor(request.withHeader("X-Amz-Target", equalTo("AmazonAthena." + operation))
                .withHeader("Content-Type", containing(CONTENT_TYPE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE).withBody(body)));
    }
}
