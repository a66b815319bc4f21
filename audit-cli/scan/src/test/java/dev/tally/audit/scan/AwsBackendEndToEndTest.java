package dev.tally.audit.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.scan.collect.AwsScanBackend;
import dev.tally.audit.scan.collect.FullScanFixture;
import dev.tally.audit.scan.collect.wire.GetMetricDataTransformer;
import dev.tally.audit.scan.collect.wire.MetricSource;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.pricing.PriceKind;
import dev.tally.audit.scan.pricing.PriceTable;
import dev.tally.audit.scan.pricing.PriceTableFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tally scan} as shipped (ScanCommand + the AWS backend + the real SDK clients) against WireMock speaking each
 * service's wire protocol: an organisation of two accounts reached through AssumeRole, one region that denies
 * everything. The endpoint and credentials reach the SDK the standard way (system properties), as a user's
 * {@code AWS_ENDPOINT_URL} would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("tally scan through the AWS backend against WireMock")
class AwsBackendEndToEndTest {
    /** The scan runs on 2025-03-15: metrics cover 2025-03-01..14. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T07:00:00Z"), ZoneOffset.UTC);
    /** Every instance at 1% CPU and a trickle of network on every day; no load balancer traffic at all. */
    private static final MetricSource METRICS = (namespace, metric, dimensions, stat, start, end, period) -> {
        SortedMap<Instant, Double> points = new TreeMap<>();
        if (namespace.equals("AWS/EC2")) {
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(period)) {
                points.put(t, metric.equals("CPUUtilization") ? 1.0 : 1_000.0);
            }
        }
        return points;
    };
    private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};

    private final WireMockServer server = WireMockAws.server(new GetMetricDataTransformer(WireMockAws.BODIES, METRICS, 500));
    private final Map<String, String> saved = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private int exitCode;
    private JsonNode report;
    private String err;

    @BeforeAll
    void scanOnce(@TempDir Path home) throws Exception {
        server.start();
        FullScanFixture.stub(server);
        point("aws.endpointUrl", "http://localhost:" + server.port());
        point("aws.accessKeyId", "AKIDEXAMPLE");
        point("aws.secretAccessKey", "secret");

        CommandLine cli = new CommandLine(new ScanCommand(AwsScanBackend::new, CLOCK, home.resolve("prices.json"), false));
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(errors, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tally: " + ex);
            return ex instanceof UserFacingException u ? u.exitCode() : ExitCode.INTERNAL;
        });
        exitCode = cli.execute("--organization", "--role-name", "TallyScanReadOnly", "--region", "us-east-1",
                "--regions", "eu-west-1," + FullScanFixture.DENIED_REGION, "--fail-on", "low", "-o", "json");
        err = errors.toString();
        report = json.readTree(out.toString());
    }

    @AfterAll
    void stop() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        server.stop();
    }

    private void point(String key, String value) {
        saved.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    @Test
    @DisplayName("the denied region is a failure of each account, the rest is scanned, and exit 3 wins over --fail-on")
    void partialFailure() {
        assertThat(exitCode).as(err).isEqualTo(3);
        assertThat(report.at("/scan/accounts")).extracting(a -> a.get("id").asText())
                .containsExactly("111122223333", "444455556666");
        assertThat(report.at("/scan/accountRegionsScanned").asInt()).isEqualTo(2);
        assertThat(report.get("failures")).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("region").asText()).isEqualTo(FullScanFixture.DENIED_REGION);
            assertThat(f.get("message").asText()).contains("UnauthorizedOperation");
        });
        assertThat(err).contains("scan incomplete (exit code 3): 2 part(s) failed")
                .contains("first: 111122223333 af-south-1 Ec2: UnauthorizedOperation on Ec2:DescribeInstances");
    }

    @Test
    @DisplayName("findings of every check come out of the real adapters, priced from the bundled table")
    void findings() {
        JsonNode findings = report.get("findings");
        assertThat(findings).extracting(f -> f.get("check").asText())
                .contains("idle-ec2", "orphaned-lb", "public-bucket", "untagged");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("resourceId").asText()).isEqualTo("i-0aaa1111bbbb2222c");
            assertThat(f.at("/cost/hourlyUsd").decimalValue()).isPositive();
        });
        // The stopped instance is never judged idle.
        assertThat(findings).noneSatisfy(f -> {
            assertThat(f.get("check").asText()).isEqualTo("idle-ec2");
            assertThat(f.get("resourceId").asText()).isEqualTo("i-0ccc3333dddd4444e");
        });
    }

    @Test
    @DisplayName("the summary reports the API calls made and what CloudWatch charged for them")
    void apiCalls() {
        JsonNode api = report.at("/summary/apiCalls");
        assertThat(api.get("total").asLong()).isGreaterThan(10);
        assertThat(api.get("cloudWatchMetricsRequested").asLong()).isPositive();
        assertThat(api.get("costUsd").decimalValue()).isPositive();
        assertThat(api.get("byOperation").has("EC2:DescribeInstances") || api.get("byOperation").has("Ec2:DescribeInstances"))
                .as(api.get("byOperation").toString()).isTrue();
    }

    @Test
    @DisplayName("prices refresh fetches the Price List API into a table that a scan then reads")
    void pricesRefresh(@TempDir Path dir) {
        Path table = dir.resolve("prices.json");
        CommandLine cli = new CommandLine(new ScanCommand(AwsScanBackend::new, CLOCK, table, false));
        StringWriter errors = new StringWriter();
        cli.setErr(new PrintWriter(errors, true));
        int exit = cli.execute("prices", "refresh", "--regions", "eu-west-1", "--region", "us-east-1");
        assertThat(exit).as(errors.toString()).isZero();
        assertThat(errors.toString()).contains("prices for 1 regions to " + table);
        PriceTable refreshed = PriceTableFile.load(table);
        assertThat(refreshed.snapshotDate()).isEqualTo(java.time.LocalDate.of(2025, 3, 15));
        assertThat(refreshed.source()).contains("Price List API");
        assertThat(refreshed.price(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "m5.large")).isPresent();
    }
}
