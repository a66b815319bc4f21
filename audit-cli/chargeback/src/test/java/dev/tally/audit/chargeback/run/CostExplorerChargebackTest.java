package dev.tally.audit.chargeback.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command with the real {@link CostSources}: the production Cost Explorer client (standard AWS configuration,
 * adaptive retries) pointed at WireMock through the SDK's own endpoint setting ({@code aws.endpointUrl}), speaking
 * Cost Explorer's JSON 1.1 with the response documents of the source's tests. February answers
 * {@code DataUnavailableException}, as Cost Explorer does for a month it has no data for.
 */
@DisplayName("tally chargeback --source cost-explorer (real SDK client against WireMock)")
class CostExplorerChargebackTest {
    private static final Clock APRIL_2025 = Clock.fixed(Instant.parse("2025-04-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String PERIOD = "\"TimePeriod\": {\"Start\": \"2025-03-01\", \"End\": \"2025-04-01\"},"
            + " \"Granularity\": \"MONTHLY\", \"Metrics\": [\"AmortizedCost\"]";
    private static final String BY_SERVICE_AND_TEAM = "\"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"},"
            + " {\"Type\": \"TAG\", \"Key\": \"team\"}]";
    /** What the SDK reads for endpoint and credentials when nothing else is configured; restored after each test. */
    private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};

    @TempDir
    Path dir;
    private WireMockServer wireMock;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
        System.setProperty("aws.endpointUrl", wireMock.baseUrl());
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        stubMarch();
        wireMock.stubFor(post("/").atPriority(20)
                .withRequestBody(containing("\"2025-02-01\""))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"DataUnavailableException\", \"Message\": \"Data is not available."
                                + "\"}")));
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

    private CommandResult chargeback() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                owner-tags: [team]
                shared:
                  - name: tax
                    match: { kinds: [tax] }
                    method: proportional
                """);
        return CommandResult.run(new CostSources(), APRIL_2025, "--month", "2025-03", "--source", "cost-explorer",
                "--rules", rules.toString(), "--cache-dir", dir.resolve("cache").toString(), "-o", "json");
    }

    @Test
    @DisplayName("allocates and reconciles Cost Explorer's month; no previous month is said, not shown as 0%")
    void reportFromCostExplorer() throws IOException {
        CommandResult result = chargeback();

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        // payments 500 and search 200 + 200 - 50 direct; untagged 100; tax 50.50 split 500:350 = 29.71 / 20.79.
        assertThat(json.at("/reconciliation/sourceTotal").decimalValue()).isEqualByComparingTo("1000.50");
        assertThat(json.at("/reconciliation/difference").decimalValue()).isZero();
        assertThat(json.at("/owners/0/owner").asText()).isEqualTo("payments");
        assertThat(json.at("/owners/0/total").decimalValue()).isEqualByComparingTo("529.71");
        assertThat(json.at("/owners/1/owner").asText()).isEqualTo("search");
        assertThat(json.at("/owners/1/total").decimalValue()).isEqualByComparingTo("370.79");
        assertThat(json.at("/reconciliation/unallocated").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(json.at("/previousMonth/available").asBoolean()).isFalse();
        assertThat(json.at("/previousMonth/note").asText()).contains("DataUnavailableException");
        assertThat(json.at("/headline/changePercent").isNull()).isTrue();
        assertThat(json.get("source").asText()).startsWith("Cost Explorer (");
        // The paid requests, before and after, on standard error (the report on standard output stays clean JSON).
        assertThat(result.err()).contains("Cost Explorer 2025-03: 3 requests made; 4 detail requests planned")
                .contains("Cost Explorer 2025-03: made 8 requests, USD 0.08");
        assertThat(wireMock.getAllServeEvents().stream().filter(event -> event.getRequest().getBodyAsString()
                .contains("\"Start\":\"2025-02-01\""))).as("a permanent error is not retried").hasSize(1);
    }

    @Test
    @DisplayName("a second run of the closed month is served from --cache-dir: no March request at all")
    void closedMonthCached() throws IOException {
        assertThat(chargeback().exitCode()).isZero();
        wireMock.resetRequests();

        CommandResult again = chargeback();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(wireMock.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getBodyAsString()).doesNotContain("\"Start\":\"2025-03-01\""));
        assertThat(new ObjectMapper().readTree(again.out()).get("source").asText()).contains("cached");
    }

    @Test
    @DisplayName("AccessDenied: exit 3, named with the operation, region and account; nothing written")
    void accessDenied() throws IOException {
        wireMock.stubFor(post("/").atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(resource("access-denied.json"))));
        Path target = dir.resolve("out/report.json");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "owner-tags: [team]\n");

        CommandResult result = CommandResult.run(new CostSources(), APRIL_2025, "--month", "2025-03", "--rules",
                rules.toString(), "--cache-dir", dir.resolve("cache").toString(), "-o", "json", "--output-file",
                target.toString());

        assertThat(result.exitCode()).isEqualTo(dev.tally.audit.common.cli.ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("AccessDeniedException on CostExplorer:GetCostAndUsage (region us-east-1, "
                + "account 111111111111)").contains("grant ce:GetCostAndUsage");
        assertThat(result.err().lines().filter(line -> !line.startsWith("tally: Cost Explorer 2025-03: ")))
                .as("one error line besides the paid-request progress").hasSize(1);
        assertThat(target).doesNotExist();
    }

    private void stubMarch() {
        stub("{" + PERIOD + "}", 10, "total-closed.json", true);
        String pairs = PERIOD + ", \"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"LINKED_ACCOUNT\"},"
                + " {\"Type\": \"DIMENSION\", \"Key\": \"RECORD_TYPE\"}]";
        stub("{" + pairs + "}", 5, "pairs-page1.json", false);
        stub("{" + pairs + ", \"NextPageToken\": \"pairs-2\"}", 1, "pairs-page2.json", false);
        detail("111111111111", "Usage", null, "a111-usage-page1.json");
        detail("111111111111", "Usage", "a111-usage-2", "a111-usage-page2.json");
        detail("111111111111", "Tax", null, "a111-tax.json");
        detail("222222222222", "Usage", null, "a222-usage.json");
        detail("222222222222", "Credit", null, "a222-credit.json");
    }

    private void detail(String account, String recordType, String token, String file) {
        String body = "{" + PERIOD + ", " + BY_SERVICE_AND_TEAM + ", \"Filter\": {\"And\": ["
                + "{\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"" + account + "\"]}},"
                + "{\"Dimensions\": {\"Key\": \"RECORD_TYPE\", \"Values\": [\"" + recordType + "\"]}}]}"
                + (token == null ? "" : ", \"NextPageToken\": \"" + token + "\"") + "}";
        stub(body, token == null ? 5 : 1, file, false);
    }

    private void stub(String expectedJson, int priority, String file, boolean ungrouped) {
        MappingBuilder request = post("/").atPriority(priority)
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
                .withRequestBody(equalToJson(expectedJson, false, !ungrouped));
        wireMock.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(resource(file))));
    }

    /** The Cost Explorer response documents of the source's own tests (genuine GetCostAndUsage JSON). */
    private static String resource(String file) {
        try (InputStream in = CostExplorerChargebackTest.class.getResourceAsStream("/source/costexplorer/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
