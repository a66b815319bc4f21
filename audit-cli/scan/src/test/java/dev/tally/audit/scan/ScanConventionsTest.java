package dev.tally.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.common.cli.CliErrorHandling;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.scan.run.CollectionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tally scan} against the CLI's one exit-code table and its explicit configuration: every code the scan can
 * return, tally.yaml discovery, the report header naming the policy files, and a broken or missing AWS profile or
 * region refused instead of replaced by us-east-1.
 */
@DisplayName("tally scan: exit codes and explicit configuration")
class ScanConventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ScanCli.Run scan(InMemoryBackend backend, String... args) {
        return ScanCli.runIn(dir, backend, dir.resolve("prices.json"), args);
    }

    @Nested
    @DisplayName("exit codes")
    class ExitCodes {
        @Test
        @DisplayName("0: findings below --fail-on")
        void ok() {
            assertThat(scan(SampleEstate.backend(), "--fail-on", "critical").exitCode()).isEqualTo(ExitCode.OK);
        }

        @Test
        @DisplayName("1: findings at or above --fail-on")
        void findings() {
            assertThat(scan(SampleEstate.backend(), "--fail-on", "high").exitCode()).isEqualTo(ExitCode.FINDINGS);
        }

        @Test
        @DisplayName("2: bad input, nothing collected")
        void usage() {
            InMemoryBackend backend = SampleEstate.backend();
            assertThat(scan(backend, "--checks", "nope").exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(backend.selections).isEmpty();
        }

        @Test
        @DisplayName("3: an AWS failure made the result incomplete; stderr names account, region and operation")
        void incomplete() {
            InMemoryBackend backend = SampleEstate.backend().failingRegion("111111111111", "eu-west-1",
                    new CollectionException("Ec2", "AccessDenied on Ec2:DescribeInstances: denied", null));
            ScanCli.Run run = scan(backend, "--fail-on", "low");
            assertThat(run.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
            assertThat(run.err()).contains("111111111111 eu-west-1 Ec2: AccessDenied on Ec2:DescribeInstances");
        }

        @Test
        @DisplayName("70: an unexpected exception is an internal error with a bug-report line, trace only with --debug")
        void internal() {
            String[] plain = run("--region", "us-east-1");
            assertThat(plain[0]).isEqualTo(String.valueOf(ExitCode.INTERNAL));
            assertThat(plain[1]).contains("internal error: java.lang.IllegalStateException: a bug")
                    .contains("please report it").doesNotContain("\tat ");
            String[] debug = run("--region", "us-east-1", "--debug");
            assertThat(debug[0]).isEqualTo(String.valueOf(ExitCode.INTERNAL));
            assertThat(debug[1]).contains("\tat ");
        }

        /** A scan whose backend cannot even be built (a bug, not an AWS failure): exit code and stderr. */
        private String[] run(String... args) {
            CommandLine cli = CliErrorHandling.install(new CommandLine(new ScanCommand(() -> {
                throw new IllegalStateException("a bug");
            }, ScanCli.CLOCK, dir.resolve("prices.json"), false, dir)));
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            int code = cli.execute(args);
            return new String[] {String.valueOf(code), err.toString()};
        }
    }

    @Nested
    @DisplayName("policy files")
    class PolicyFiles {
        @Test
        @DisplayName("without flags or tally.yaml the bundled defaults are used, and the header says so")
        void bundled() throws IOException {
            ScanCli.Run run = scan(SampleEstate.backend(), "-o", "json");
            JsonNode files = JSON.readTree(run.out()).at("/scan/policyFiles");
            assertThat(files.get(0).asText()).isEqualTo("thresholds: bundled default");
            assertThat(files.get(1).asText()).isEqualTo("tag policy: bundled default");
            assertThat(scan(SampleEstate.backend()).out())
                    .contains("Policy files: thresholds: bundled default; tag policy: bundled default");
        }

        @Test
        @DisplayName("tally.yaml in a folder above names the thresholds and tag policy; they are used and named")
        void projectFile() throws IOException {
            Files.createDirectories(dir.resolve("policy"));
            Files.writeString(dir.resolve("policy/thresholds.yaml"), "orphaned-lb:\n  low-traffic-days: 30\n");
            Files.writeString(dir.resolve("policy/tags.yaml"), "required-tags:\n  - key: team\n");
            Files.writeString(dir.resolve("tally.yaml"),
                    "thresholds: policy/thresholds.yaml\ntag-policy: policy/tags.yaml\n");
            Path deeper = Files.createDirectories(dir.resolve("services/billing"));

            ScanCli.Run run = ScanCli.runIn(deeper, SampleEstate.backend(), dir.resolve("prices.json"), "-o", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/scan/policyFiles/0").asText()).isEqualTo("thresholds: "
                    + dir.resolve("policy/thresholds.yaml") + " (from " + dir.resolve("tally.yaml") + ")");
            assertThat(report.at("/scan/policyFiles/1").asText()).startsWith("tag policy: "
                    + dir.resolve("policy/tags.yaml"));
            // The project's tag policy requires only 'team': untagged findings name it, not the bundled keys.
            assertThat(report.get("findings").toString()).contains("missing team")
                    .doesNotContain("missing tally:owner");
        }

        @Test
        @DisplayName("--config names the project file; a missing one is an error naming it")
        void configFlag() {
            ScanCli.Run run = scan(SampleEstate.backend(), "--config", dir.resolve("nope.yaml").toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).startsWith("tally: " + dir.resolve("nope.yaml") + ": file not found");
        }
    }

    @Nested
    @DisplayName("AWS profile and region: an error naming what is wrong, never a silent us-east-1")
    class ProfileAndRegion {
        private String savedConfig;
        private String savedCredentials;
        private String savedRegion;

        @BeforeEach
        void configuration() throws IOException {
            savedConfig = System.setProperty("aws.configFile", Files.writeString(dir.resolve("config"),
                    "[profile audit]\nregion = eu-west-1\n[profile bare]\noutput = json\n"
                            + "[profile typo]\nregion = eu-wst-1\n").toString());
            savedCredentials = System.setProperty("aws.sharedCredentialsFile",
                    Files.writeString(dir.resolve("credentials"), "").toString());
            savedRegion = System.clearProperty("aws.region");
        }

        @AfterEach
        void restore() {
            restore("aws.configFile", savedConfig);
            restore("aws.sharedCredentialsFile", savedCredentials);
            restore("aws.region", savedRegion);
        }

        private void restore(String key, String value) {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        }

        @Test
        @DisplayName("the profile's region is the home region")
        void profileRegion() {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null,
                    "AWS_REGION is set in this environment (it wins over the profile)");
            InMemoryBackend backend = SampleEstate.backend();
            assertThat(scan(backend, "--profile", "audit").exitCode()).isZero();
            assertThat(backend.homeRegions).containsExactly("eu-west-1");
        }

        @Test
        @DisplayName("a profile that does not exist: exit 2 naming it and the files searched")
        void missingProfile() {
            InMemoryBackend backend = SampleEstate.backend();
            ScanCli.Run run = scan(backend, "--profile", "prod");
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--profile prod: no profile 'prod' in " + dir.resolve("config"));
            assertThat(backend.selections).isEmpty();
        }

        @Test
        @DisplayName("a profile without a region and no --region or AWS_REGION: exit 2 saying how to set one")
        void noRegion() {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null,
                    "AWS_REGION is set in this environment");
            ScanCli.Run run = scan(SampleEstate.backend(), "--profile", "bare");
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("no AWS region configured: pass --region")
                    .contains("profile 'bare'");
        }

        @Test
        @DisplayName("a profile whose region is not a region: exit 2 naming the profile")
        void badProfileRegion() {
            ScanCli.Run run = scan(SampleEstate.backend(), "--profile", "typo");
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("region of profile 'typo'").contains("unknown region 'eu-wst-1'");
        }

        @Test
        @DisplayName("a configuration file that does not parse: exit 2 naming it")
        void unparsable() throws IOException {
            Files.writeString(dir.resolve("config"), "[profile audit\nregion = eu-west-1\n");
            ScanCli.Run run = scan(SampleEstate.backend(), "--profile", "audit");
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains(dir.resolve("config").toString()).contains("cannot be read");
        }

        @Test
        @DisplayName("--region wins over the profile")
        void flagWins() {
            InMemoryBackend backend = SampleEstate.backend();
            assertThat(scan(backend, "--profile", "bare", "--region", "ap-south-1").exitCode()).isZero();
            assertThat(backend.homeRegions).containsExactly("ap-south-1");
        }
    }
}
