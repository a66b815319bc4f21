package dev.tally.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceKind;
import dev.tally.audit.scan.run.CollectionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("tally scan, end to end over an in-memory inventory")
class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    private Path noUserTable() {
        return home.resolve("prices.json");
    }

    private ScanCli.Run scan(InMemoryBackend backend, String... args) {
        return ScanCli.run(backend, noUserTable(), args);
    }

    @Test
    @DisplayName("table: summary first, then findings biggest saving first, unknown prices said, exit 0 by default")
    void table() {
        ScanCli.Run run = scan(SampleEstate.backend());

        assertThat(run.exitCode()).isZero();
        String out = run.out();
        assertThat(out.indexOf("SUMMARY")).isLessThan(out.indexOf("FINDINGS (biggest saving first)"));
        assertThat(out).contains("idle-ec2", "orphaned-lb", "public-bucket", "untagged");
        // m5.2xlarge in eu-west-1 is the biggest saving and comes first.
        assertThat(out).containsPattern("1\\. medium +idle-ec2 +i-0a1b2c3d4e5f60001 \\(m5\\.2xlarge\\)");
        assertThat(out).contains("(c6g.xlarge, ASG renewal-workers)", "Auto Scaling group renewal-workers");
        assertThat(out).contains("unknown", "no EC2 on-demand price for m8g.large in eu-west-1");
        assertThat(out).contains("n/a (exposure)", "Failures: none");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("the account directory (its STS/Organizations clients) is closed once the scan is over")
    void directoryClosed() {
        InMemoryBackend backend = SampleEstate.backend();
        scan(backend);
        assertThat(backend.directoriesClosed.get()).isEqualTo(1);
    }

    @ParameterizedTest(name = "--fail-on {0} -> exit {1}")
    @CsvSource({"none,0", "low,1", "medium,1", "high,1", "critical,0"})
    @DisplayName("--fail-on decides exit 1 by the most severe finding (the sample's worst is high)")
    void failOn(String severity, int exit) {
        assertThat(scan(SampleEstate.backend(), "--fail-on", severity).exitCode()).isEqualTo(exit);
    }

    @Test
    @DisplayName("json: totals equal the sum of priced findings; unknown and exposure costs are null, not 0")
    void json() throws IOException {
        ScanCli.Run run = scan(SampleEstate.backend(), "--output", "json");
        JsonNode root = JSON.readTree(run.out());

        JsonNode findings = root.get("findings");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode f : findings) {
            if (f.get("cost").get("kind").asText().equals("monthly")) {
                sum = sum.add(f.get("cost").get("monthlyUsd").decimalValue());
            } else {
                assertThat(f.get("cost").get("monthlyUsd").isNull()).isTrue();
            }
        }
        assertThat(root.at("/summary/totalMonthlyUsd").decimalValue()).isEqualByComparingTo(sum);
        assertThat(sum).isPositive();
        assertThat(findings.get(0).get("resourceId").asText()).isEqualTo("i-0a1b2c3d4e5f60001");
        assertThat(root.at("/scan/complete").asBoolean()).isTrue();
        assertThat(root.at("/summary/priceTable/snapshotDate").asText()).isEqualTo("2026-11-23");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("check").asText()).isEqualTo("public-bucket");
            assertThat(f.get("cost").get("kind").asText()).isEqualTo("not-applicable");
        });
    }

    @Test
    @DisplayName("csv: a header and one row per finding")
    void csv() throws IOException {
        ScanCli.Run run = scan(SampleEstate.backend(), "--output", "csv");
        List<String> lines = run.out().lines().toList();
        int findings = JSON.readTree(scan(SampleEstate.backend(), "-o", "json").out()).get("findings").size();
        assertThat(lines.get(0)).isEqualTo("check,severity,account_id,region,resource_type,resource_id,resource_arn,"
                + "monthly_usd,cost_note,reason,recommendation");
        assertThat(lines).hasSize(findings + 1);
        assertThat(run.out()).contains("\r\n");
    }

    @Test
    @DisplayName("--regions limits collection and the buckets reported to those regions")
    void regionsFilter() throws IOException {
        InMemoryBackend backend = SampleEstate.backend();
        JsonNode root = JSON.readTree(scan(backend, "--regions", "eu-west-1", "-o", "json").out());
        assertThat(backend.regionsCollected).containsExactly("111111111111/eu-west-1");
        assertThat(root.get("findings")).allSatisfy(f -> assertThat(f.get("region").asText()).isEqualTo("eu-west-1"));
    }

    @Test
    @DisplayName("--checks idle-ec2 collects only instances and their metrics, and reports only that check")
    void checksSelection() throws IOException {
        InMemoryBackend backend = SampleEstate.backend();
        JsonNode root = JSON.readTree(scan(backend, "--checks", "idle-ec2", "-o", "json").out());
        assertThat(backend.scopes).allSatisfy(s -> {
            assertThat(s.instances()).isTrue();
            assertThat(s.instanceMetricDays()).isEqualTo(14);
            assertThat(s.loadBalancers()).isFalse();
            assertThat(s.buckets()).isFalse();
            assertThat(s.taggedResources()).isFalse();
        });
        assertThat(root.get("findings")).allSatisfy(f -> assertThat(f.get("check").asText()).isEqualTo("idle-ec2"));
        assertThat(root.at("/scan/checks")).hasSize(1);
    }

    @Test
    @DisplayName("--idle-rule cpu-90d asks for 90 days of metrics")
    void longRuleScope() {
        InMemoryBackend backend = SampleEstate.backend();
        scan(backend, "--checks", "idle-ec2", "--idle-rule", "cpu-90d");
        assertThat(backend.scopes).allSatisfy(s -> assertThat(s.instanceMetricDays()).isEqualTo(90));
    }

    @Nested
    @DisplayName("partial failure")
    class PartialFailure {
        @Test
        @DisplayName("AccessDenied in one region is reported, the other regions complete, and exit 3 wins over 1")
        void regionFailure() throws IOException {
            InMemoryBackend backend = SampleEstate.backend().failingRegion("111111111111", "us-east-1",
                    new CollectionException("EC2", "UnauthorizedOperation on EC2:DescribeInstances: You are not "
                            + "authorized to perform this operation.", null));

            ScanCli.Run table = scan(backend, "--fail-on", "low");
            assertThat(table.exitCode()).isEqualTo(3);
            assertThat(table.out()).contains("FAILURES (these parts were not scanned)",
                    "111111111111  us-east-1  EC2", "UnauthorizedOperation on EC2:DescribeInstances",
                    "i-0a1b2c3d4e5f60001");
            assertThat(table.err()).contains("scan incomplete (exit code 3): 1 part(s) failed")
                    .contains("first: 111111111111 us-east-1 EC2: UnauthorizedOperation on EC2:DescribeInstances");

            JsonNode json = JSON.readTree(scan(backend, "-o", "json").out());
            assertThat(json.at("/scan/complete").asBoolean()).isFalse();
            assertThat(json.at("/failures/0/service").asText()).isEqualTo("EC2");
        }

        @Test
        @DisplayName("a role that cannot be assumed loses that account only")
        void accountFailure() throws IOException {
            InMemoryBackend backend = SampleEstate.backend().account("222222222222", "eu-west-1")
                    .unopenable("222222222222");
            ScanCli.Run run = scan(backend, "--accounts", "111111111111,222222222222", "--role-name", "TallyAudit",
                    "-o", "json");
            assertThat(run.exitCode()).isEqualTo(3);
            JsonNode root = JSON.readTree(run.out());
            assertThat(root.at("/failures/0/accountId").asText()).isEqualTo("222222222222");
            assertThat(root.at("/failures/0/service").asText()).isEqualTo("STS");
            assertThat(root.get("findings").size()).isGreaterThan(5);
            assertThat(backend.selections).singleElement().satisfies(s -> {
                assertThat(s.accountIds()).containsExactly("111111111111", "222222222222");
                assertThat(s.roleName()).contains("TallyAudit");
            });
        }

        @Test
        @DisplayName("when the accounts cannot even be listed, that is the one failure reported (exit 3)")
        void listingFails() {
            InMemoryBackend backend = SampleEstate.backend().listingFails(new CollectionException("Organizations",
                    "AccessDenied on Organizations:ListAccounts: not the management account", null));
            ScanCli.Run run = scan(backend, "--organization", "--role-name", "TallyAudit");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("-        global  Organizations  AccessDenied on Organizations:ListAccounts");
            assertThat(run.out()).contains("No findings in what could be scanned.", "public-bucket         0  n/a (exposure)");
            assertThat(run.err()).isEqualTo("tally: nothing was scanned: AccessDenied on Organizations:ListAccounts: "
                    + "not the management account" + System.lineSeparator());
            assertThat(backend.regionsCollected).isEmpty();
            assertThat(backend.directoriesClosed.get()).isEqualTo(1);
        }

        @Test
        @DisplayName("a collector's own partial failures (CloudWatch denied) are reported too")
        void partialRegion() {
            InMemoryBackend backend = new InMemoryBackend().account("333333333333", "eu-west-1")
                    .region(new RegionInventory("333333333333", "eu-west-1", List.of(), List.of(), List.of(), List.of(),
                            List.of(new dev.tally.audit.scan.model.ScanFailure("333333333333", "eu-west-1",
                                    "CloudWatch", "AccessDenied on CloudWatch:GetMetricData"))));
            ScanCli.Run run = scan(backend);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("AccessDenied on CloudWatch:GetMetricData");
        }
    }

    @Test
    @DisplayName("accounts x regions run concurrently, never more at once than --concurrency")
    void boundedConcurrency() {
        InMemoryBackend backend = new InMemoryBackend();
        for (String account : List.of("111111111111", "222222222222", "333333333333")) {
            backend.account(account, "us-east-1", "us-west-2", "eu-west-1", "eu-central-1");
        }
        ScanCli.Run run = scan(backend, "--concurrency", "3", "--checks", "idle-ec2");
        assertThat(run.exitCode()).isZero();
        assertThat(backend.regionsCollected).hasSize(12);
        assertThat(backend.concurrentMax.get()).isBetween(2, 3);
    }

    @Nested
    @DisplayName("--output-file")
    class OutputFile {
        @Test
        @DisplayName("writes the report to the file, not stdout, and leaves no temporary file")
        void writes() throws IOException {
            Path target = home.resolve("report.sarif");
            ScanCli.Run run = scan(SampleEstate.backend(), "-o", "sarif", "--output-file", target.toString());
            assertThat(run.out()).isEmpty();
            assertThat(JSON.readTree(target.toFile()).get("version").asText()).isEqualTo("2.1.0");
            assertThat(run.err()).contains("wrote sarif report to " + target);
            try (var files = Files.list(home)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.sarif");
            }
        }

        @Test
        @DisplayName("missing parent folders are created, as for every tally command")
        void createsParents() throws IOException {
            Path target = home.resolve("no/such/dir/r.json");
            ScanCli.Run run = scan(SampleEstate.backend(), "-o", "json", "--output-file", target.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(target.toFile()).get("findings").size()).isPositive();
        }

        @Test
        @DisplayName("a folder as --output-file is a usage error found before scanning, and nothing is written")
        void folderIsRefused() {
            InMemoryBackend backend = SampleEstate.backend();
            ScanCli.Run run = scan(backend, "--output-file", home.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("is a folder: name the report file");
            assertThat(backend.selections).isEmpty();
        }

        @Test
        @DisplayName("--quiet drops the 'wrote' line; the report is still written")
        void quiet() throws IOException {
            Path target = home.resolve("quiet.json");
            ScanCli.Run run = scan(SampleEstate.backend(), "-o", "json", "--output-file", target.toString(), "--quiet");
            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEmpty();
            assertThat(Files.exists(target)).isTrue();
        }
    }

    @Nested
    @DisplayName("usage errors: one line, exit 2, before any AWS call")
    class UsageErrors {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "--checks idle-ec2,lazy-rds|--checks: unknown check 'lazy-rds' (valid: idle-ec2, orphaned-lb, public-bucket, untagged)",
            "--regions eu-west-1,mars-north-1|--regions: unknown region 'mars-north-1'",
            "--region narnia-1|--region: unknown region 'narnia-1'",
            "--output xml|--output: unknown format 'xml' (valid: table, json, csv, sarif)",
            "--fail-on severe|--fail-on: unknown severity 'severe' (valid: low, medium, high, critical)",
            "--idle-cpu-percent 150|invalid threshold: --idle-cpu-percent must be a percentage between 0 and 100, was 150.0",
            "--idle-days 20|invalid threshold: --idle-days (20) cannot exceed window-days (14)",
            "--idle-rule lazy|--idle-rule: unknown idle rule 'lazy' (valid: trusted-advisor, cpu-90d)",
            "--accounts 12345|--accounts: '12345' is not a 12-digit AWS account id",
            "--organization --accounts 111111111111|--organization and --accounts are exclusive",
            "--role-name TallyAudit|--role-name needs --accounts or --organization",
            "--concurrency 0|--concurrency must be between 1 and 64",
            "--frobnicate|Unknown option: '--frobnicate'",
            "--idle-days many|Invalid value for option '--idle-days': 'many' is not an int",
        })
        void rejected(String args, String message) {
            InMemoryBackend backend = SampleEstate.backend();
            ScanCli.Run run = scan(backend, args.split(" "));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("tally: ").contains(message);
            assertThat(run.err().lines().findFirst().orElseThrow()).contains(message);
            assertThat(run.err().lines().skip(1)).as("at most the usage hint follows")
                    .allMatch(line -> line.equals("Run 'scan --help' for usage."));
            assertThat(run.out()).isEmpty();
            assertThat(backend.selections).as("no account was listed").isEmpty();
        }

        @Test
        @DisplayName("an invalid thresholds file names the file and the field")
        void invalidThresholdsFile() throws IOException {
            Path file = Files.writeString(home.resolve("thresholds.yaml"), "orphaned-lb:\n  min-requests: 5\n");
            ScanCli.Run run = scan(SampleEstate.backend(), "--thresholds", file.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("tally: " + file + ": unknown field 'orphaned-lb.min-requests' (valid: "
                    + "low-traffic-days, min-requests-per-day)" + System.lineSeparator());
        }

        @Test
        @DisplayName("an unreadable tag policy is a usage error")
        void missingTagPolicy() {
            ScanCli.Run run = scan(SampleEstate.backend(), "--tag-policy", home.resolve("nope.yaml").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("nope.yaml: file not found");
        }
    }

    @Nested
    @DisplayName("tally scan prices refresh")
    class PricesRefresh {
        @Test
        @DisplayName("writes the fetched prices as a table that the next scan uses instead of the bundled one")
        void refreshThenScan() throws IOException {
            InMemoryBackend backend = SampleEstate.backend().prices(List.of(
                    new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "m8g.large", new BigDecimal("0.1")),
                    new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "m5.2xlarge", new BigDecimal("1")),
                    new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "us-east-1", "t3.medium", new BigDecimal("0.0416"))));
            ScanCli.Run refresh = scan(backend, "prices", "refresh", "--regions", "eu-west-1");
            assertThat(refresh.exitCode()).isZero();
            assertThat(refresh.err()).contains("wrote 2 prices for 1 regions to " + noUserTable());
            assertThat(backend.priceSourcesClosed.get()).isEqualTo(1);

            JsonNode root = JSON.readTree(scan(backend, "-o", "json", "--checks", "idle-ec2").out());
            assertThat(root.at("/summary/priceTable/source").asText()).isEqualTo("in-memory price list");
            assertThat(root.at("/findings/0/cost/monthlyUsd").decimalValue()).isEqualByComparingTo("730.00");
        }

        @Test
        @DisplayName("without a Price List source it says so and writes nothing")
        void noSource() {
            ScanCli.Run run = scan(SampleEstate.backend(), "prices", "refresh");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("cannot fetch prices");
            assertThat(noUserTable()).doesNotExist();
        }
    }
}
