package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code tally scan} through the real entry point: every usage error is one clear line and exit 2, found before any
 * AWS call (these tests have no AWS and no local peer, so reaching AWS would fail them differently).
 */
@DisplayName("tally scan usage errors (through TallyCli)")
class ScanUsageEndToEndTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Result tally(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TallyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "scan --checks idle-ec2,zombie-nat|tally: --checks: unknown check 'zombie-nat' (valid: idle-ec2, orphaned-lb, public-bucket, untagged)",
        "scan --regions us-east-1,us-east-9|tally: --regions: unknown region 'us-east-9' (use region codes such as us-east-1,eu-west-1, or 'all')",
        "scan --verbose|tally: Unknown option: '--verbose'",
        "scan --idle-network-mb -1|tally: invalid threshold: --idle-network-mb must be zero or more, was -1.0",
        "scan --lb-days 0|tally: invalid threshold: --lb-days must be at least 1, was 0",
        "scan --output html|tally: --output: unknown format 'html' (valid: table, json, csv, sarif)",
        "scan --fail-on warning|tally: --fail-on: unknown severity 'warning' (valid: low, medium, high, critical)",
    })
    @DisplayName("bad flags and values")
    void badFlags(String args, String expected) {
        Result result = tally(args.split(" "));
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.firstErrorLine()).isEqualTo(expected);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("an invalid thresholds file names the file and the field; the repository's own file is valid")
    void thresholdsFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("thresholds.yaml"), "idle-ec2:\n  trusted-advisor:\n    cpu-percent: high\n");
        Result result = tally("scan", "--thresholds", bad.toString(), "--checks", "nope");
        // The check list is validated first; fix it and the file is reported.
        assertThat(result.firstErrorLine()).contains("unknown check 'nope'");
        result = tally("scan", "--thresholds", bad.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.firstErrorLine()).isEqualTo("tally: " + bad
                + ": idle-ec2.trusted-advisor.cpu-percent must be a number, was 'high'");

        Path repositoryThresholds = REPO.resolve("policies/audit/thresholds.yaml");
        Result withRepoFile = tally("scan", "--thresholds", repositoryThresholds.toString(), "--idle-days", "99");
        assertThat(withRepoFile.firstErrorLine()).isEqualTo("tally: invalid threshold: --idle-days (99) cannot exceed "
                + "window-days (14)");
    }

    @Test
    @DisplayName("an unreadable tag policy is one line naming the file")
    void tagPolicy() {
        Path missing = dir.resolve("tags.yaml");
        Result result = tally("scan", "--tag-policy", missing.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.firstErrorLine()).isEqualTo("tally: " + missing + ": file not found");
    }

    @Test
    @DisplayName("'tally scan --help' documents the checks, output formats and exit codes; 'prices refresh' exists")
    void help() {
        Result result = tally("scan", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--checks", "--regions", "--fail-on", "--output-file", "sarif",
                "3    an AWS or source failure left the result incomplete", "70   internal error", "prices");
        assertThat(tally("scan", "prices", "refresh", "--help").out()).contains("--output-file", "Price List API");
    }
}
