package dev.tally.audit.chargeback.source.costexplorer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.source.cache.MonthlyCostCache;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

@DisplayName("Cost Explorer source (real SDK client against WireMock speaking JSON 1.1)")
class CostExplorerSourceTest {
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final String PERIOD = "\"TimePeriod\": {\"Start\": \"2025-03-01\", \"End\": \"2025-04-01\"},"
            + " \"Granularity\": \"MONTHLY\", \"Metrics\": [\"AmortizedCost\"]";
    private static final String BY_SERVICE_AND_TEAM = "\"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"},"
            + " {\"Type\": \"TAG\", \"Key\": \"team\"}]";

    @TempDir
    Path cacheDir;
    private WireMockServer wireMock;
    private CostExplorerClient client;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        client = CostExplorerClient.builder()
                .endpointOverride(URI.create(wireMock.baseUrl()))
                .region(CostExplorerSource.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                // Retries are the production client's concern (AwsSettings); here a 404 should fail at once.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    private CostExplorerSource source() {
        return new CostExplorerSource(client, Optional.of(new MonthlyCostCache(cacheDir)), "111111111111");
    }

    private void stubMonth(String totalFile) {
        stub(post("/").withRequestBody(notContaining("GroupBy")), "{" + PERIOD + "}", 10, totalFile);
        String pairs = PERIOD + ", \"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"LINKED_ACCOUNT\"},"
                + " {\"Type\": \"DIMENSION\", \"Key\": \"RECORD_TYPE\"}]";
        stub(post("/"), "{" + pairs + "}", 5, "pairs-page1.json");
        stub(post("/"), "{" + pairs + ", \"NextPageToken\": \"pairs-2\"}", 1, "pairs-page2.json");
        stubDetail("111111111111", "Usage", null, "a111-usage-page1.json");
        stubDetail("111111111111", "Usage", "a111-usage-2", "a111-usage-page2.json");
        stubDetail("111111111111", "Tax", null, "a111-tax.json");
        stubDetail("222222222222", "Usage", null, "a222-usage.json");
        stubDetail("222222222222", "Credit", null, "a222-credit.json");
    }

    private void stubDetail(String account, String recordType, String token, String file) {
        String body = "{" + PERIOD + ", " + BY_SERVICE_AND_TEAM + ", \"Filter\": {\"And\": ["
                + "{\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"" + account + "\"]}},"
                + "{\"Dimensions\": {\"Key\": \"RECORD_TYPE\", \"Values\": [\"" + recordType + "\"]}}]}"
                + (token == null ? "" : ", \"NextPageToken\": \"" + token + "\"") + "}";
        stub(post("/"), body, token == null ? 5 : 1, file);
    }

    private void stub(MappingBuilder request, String expectedJson, int priority, String file) {
        wireMock.stubFor(request.atPriority(priority)
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .withRequestBody(equalToJson(expectedJson, false, true))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(resource(file))));
    }

    private static String resource(String file) {
        try (InputStream in = CostExplorerSourceTest.class.getResourceAsStream("/source/costexplorer/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CostRow row(String account, String service, ChargeKind kind, Map<String, String> tags,
            String amount) {
        return new CostRow(account, service, kind, tags, new BigDecimal(amount), "USD");
    }

    @Test
    @DisplayName("a closed month: every page of every planned request, rows carry account, service, kind and tag")
    void closedMonth() {
        stubMonth("total-closed.json");
        MonthlyCost cost = source().load(MARCH, CostMetric.AMORTIZED, List.of("team"));

        String ec2 = "Amazon Elastic Compute Cloud - Compute";
        assertThat(cost.rows()).containsExactlyInAnyOrder(
                row("111111111111", ec2, ChargeKind.USAGE, Map.of("team", "payments"), "500"),
                row("111111111111", ec2, ChargeKind.USAGE, Map.of(), "100"),
                row("111111111111", "Amazon Simple Storage Service", ChargeKind.USAGE, Map.of("team", "search"), "200"),
                row("111111111111", "Tax", ChargeKind.TAX, Map.of(), "50.5"),
                row("222222222222", ec2, ChargeKind.USAGE, Map.of("team", "search"), "200"),
                row("222222222222", ec2, ChargeKind.CREDIT, Map.of("team", "search"), "-50"));
        assertThat(cost.sourceTotal()).isEqualByComparingTo("1000.5");
        assertThat(cost.monthClosed()).isTrue();
        assertThat(cost.currency()).isEqualTo("USD");
        // total + 2 pages of pairs + 2 pages (111 Usage) + 111 Tax + 222 Usage + 222 Credit; the zero negation skipped
        assertThat(wireMock.getAllServeEvents()).hasSize(8);
        assertThat(cost.source()).contains("8 requests").contains("USD 0.08");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(equalToJson("{\"NextPageToken\": \"a111-usage-2\"}", false, true)));
    }

    @Test
    @DisplayName("a closed month is cached on disk: the second run makes zero requests and returns the same month")
    void cacheHit() throws IOException {
        stubMonth("total-closed.json");
        MonthlyCost first = source().load(MARCH, CostMetric.AMORTIZED, List.of("team"));
        wireMock.resetRequests();

        MonthlyCost second = source().load(MARCH, CostMetric.AMORTIZED, List.of("team"));

        assertThat(wireMock.getAllServeEvents()).isEmpty();
        assertThat(second.rows()).containsExactlyInAnyOrderElementsOf(first.rows());
        assertThat(second.sourceTotal()).isEqualByComparingTo(first.sourceTotal());
        assertThat(second.monthClosed()).isTrue();
        assertThat(second.source()).contains("cached");
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> cacheDir.relativize(p).toString()))
                    .singleElement().asString().startsWith("111111111111/2025-03/amortized-team-").endsWith(".json");
        }
        // Another metric is another key: it must be fetched, not served from the amortized entry.
        assertThatThrownBy(() -> source().load(MARCH, CostMetric.UNBLENDED, List.of("team")))
                .isInstanceOf(UserFacingException.class);
        assertThat(wireMock.getAllServeEvents()).isNotEmpty();
    }

    @Test
    @DisplayName("an open (estimated) month is reported open, not cached, and fetched again on the next run")
    void openMonth() throws IOException {
        stubMonth("total-open.json");
        MonthlyCost cost = source().load(MARCH, CostMetric.AMORTIZED, List.of("team"));
        assertThat(cost.monthClosed()).isFalse();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        source().load(MARCH, CostMetric.AMORTIZED, List.of("team"));
        assertThat(wireMock.getAllServeEvents()).hasSize(16);
    }

    @Test
    @DisplayName("AccessDenied: one clear error naming the missing permission and the alternative")
    void accessDenied() {
        wireMock.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody(resource("access-denied.json"))));
        assertThatThrownBy(() -> source().load(MARCH, CostMetric.AMORTIZED, List.of("team")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("grant ce:GetCostAndUsage")
                .hasMessageContaining("--cur");
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    @DisplayName("without a tag: one request per account (fewer than record types), filtered on that account alone")
    void withoutTag() {
        stub(post("/").withRequestBody(notContaining("GroupBy")), "{" + PERIOD + "}", 10, "total-closed.json");
        String pairs = PERIOD + ", \"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"LINKED_ACCOUNT\"},"
                + " {\"Type\": \"DIMENSION\", \"Key\": \"RECORD_TYPE\"}]";
        stub(post("/"), "{" + pairs + "}", 5, "pairs-page1.json");
        stub(post("/"), "{" + pairs + ", \"NextPageToken\": \"pairs-2\"}", 1, "pairs-page2.json");
        for (String account : List.of("111111111111", "222222222222")) {
            stub(post("/"), "{" + PERIOD + ", \"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"},"
                    + " {\"Type\": \"DIMENSION\", \"Key\": \"RECORD_TYPE\"}], \"Filter\": {\"Dimensions\":"
                    + " {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"" + account + "\"]}}}", 5,
                    "a" + account.substring(0, 3) + "-by-service-record.json");
        }
        MonthlyCost cost = source().load(MARCH, CostMetric.AMORTIZED, List.of());

        String ec2 = "Amazon Elastic Compute Cloud - Compute";
        assertThat(cost.rows()).containsExactlyInAnyOrder(
                row("111111111111", ec2, ChargeKind.USAGE, Map.of(), "600"),
                row("111111111111", "Amazon Simple Storage Service", ChargeKind.USAGE, Map.of(), "200"),
                row("111111111111", "Tax", ChargeKind.TAX, Map.of(), "50.5"),
                row("222222222222", ec2, ChargeKind.USAGE, Map.of(), "200"),
                row("222222222222", ec2, ChargeKind.CREDIT, Map.of(), "-50"));
        assertThat(wireMock.getAllServeEvents()).hasSize(5);
    }

    @Test
    @DisplayName("several owner tag keys: the next key only for cost without the earlier ones, and only when needed")
    void orderedOwnerTags() {
        stubMonth("total-closed.json");
        String byOwner = "\"GroupBy\": [{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"},"
                + " {\"Type\": \"TAG\", \"Key\": \"owner\"}]";
        for (String[] pair : List.of(new String[] {"Usage", "a111-usage-owner.json"},
                new String[] {"Tax", "a111-tax-owner.json"})) {
            stub(post("/"), "{" + PERIOD + ", " + byOwner + ", \"Filter\": {\"And\": ["
                    + "{\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"111111111111\"]}},"
                    + "{\"Dimensions\": {\"Key\": \"RECORD_TYPE\", \"Values\": [\"" + pair[0] + "\"]}},"
                    + "{\"Tags\": {\"Key\": \"team\", \"MatchOptions\": [\"ABSENT\"]}}]}}", 5, pair[1]);
        }
        List<String> progress = new java.util.ArrayList<>();
        MonthlyCost cost = new CostExplorerSource(client, Optional.of(new MonthlyCostCache(cacheDir)), "111111111111",
                progress::add).load(MARCH, CostMetric.AMORTIZED, List.of("team", "owner"));

        String ec2 = "Amazon Elastic Compute Cloud - Compute";
        assertThat(cost.rows()).containsExactlyInAnyOrder(
                row("111111111111", ec2, ChargeKind.USAGE, Map.of("team", "payments"), "500"),
                // the 100 without a team tag: 60 owned by alice, 40 with neither key
                row("111111111111", ec2, ChargeKind.USAGE, Map.of("owner", "alice"), "60"),
                row("111111111111", ec2, ChargeKind.USAGE, Map.of(), "40"),
                row("111111111111", "Amazon Simple Storage Service", ChargeKind.USAGE, Map.of("team", "search"), "200"),
                // 30.5 answered for owner, 20 not covered by the ABSENT query (an empty team value): untagged too
                row("111111111111", "Tax", ChargeKind.TAX, Map.of(), "50.5"),
                row("222222222222", ec2, ChargeKind.USAGE, Map.of("team", "search"), "200"),
                row("222222222222", ec2, ChargeKind.CREDIT, Map.of("team", "search"), "-50"));
        BigDecimal sum = cost.rows().stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(cost.sourceTotal());
        // the 8 requests of one key, plus owner for 111 Usage and 111 Tax only: 222's cost all had a team
        assertThat(wireMock.getAllServeEvents()).hasSize(10);
        assertThat(progress).containsExactly(
                "Cost Explorer 2025-03: 2 paid requests (USD 0.02) to list the month, then the detail requests",
                "Cost Explorer 2025-03: 3 requests made; 4 to 8 detail requests planned (plus extra pages), USD 0.01"
                        + " each",
                "Cost Explorer 2025-03: made 10 requests, USD 0.10");
        assertThat(cost.source()).isEqualTo("Cost Explorer (10 requests, USD 0.10)");

        progress.clear();
        new CostExplorerSource(client, Optional.of(new MonthlyCostCache(cacheDir)), "111111111111", progress::add)
                .load(MARCH, CostMetric.AMORTIZED, List.of("team", "owner"));
        assertThat(progress).containsExactly("Cost Explorer 2025-03: closed month from the cache, 0 paid requests");
        assertThat(wireMock.getAllServeEvents()).hasSize(10);
    }
}
