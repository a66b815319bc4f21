package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tally estimate} through the real entry point: output, the gate's exit codes, bad input in one line. */
@DisplayName("tally estimate (end to end)")
class EstimateEndToEndTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String APP = REPO.resolve("audit-cli/estimate/src/test/resources/assemblies/app").toString();
    private static final String BASE = """
            {"Resources": {"Worker": {"Type": "AWS::Lambda::Function",
              "Properties": {"MemorySize": %d, "Architectures": ["arm64"]}}}}""";
    private static final String PROFILE = """
            name: worker
            assumptions: ["10M invocations of 1 s"]
            resources:
              - {type: AWS::Lambda::Function, match: Worker, usage: {requestsPerMonth: 10000000, averageDurationMs: 1000}}
            """;

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
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

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    @DisplayName("the app's synthesis under the renewal profile: a table with the price table's date and the assumptions")
    void table() {
        Result result = tally("estimate", APP, "--usage", "renewal", "--stack", "Production/Renewal", "--region", "us-east-1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("Production/Renewal (tally-production-renewal, us-east-1)")
                .contains("Prices: table of 2026-11-23").contains("Assumptions (renewal):")
                .contains("provisioned concurrency (1760 concurrency-hours)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    @DisplayName("without --usage, the repository's tally.yaml names the profile, and stderr says so")
    void profileFromProjectFile() {
        Result result = tally("estimate", APP, "--stack", "Production/Renewal", "--region", "us-east-1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("under usage profile 'renewal' (" + REPO.resolve("policies/usage/renewal.yaml"));
        assertThat(result.err()).contains("tally: usage profile " + REPO.resolve("policies/usage/renewal.yaml")
                + " (from " + REPO.resolve("tally.yaml") + ")");
    }

    @Test
    @DisplayName("--region picks the prices of an environment-agnostic stack: a region the table lacks leaves it unpriced")
    void region() {
        Result result = tally("estimate", APP, "--usage", "renewal", "--stack", "Production/Renewal", "--region",
                "ap-southeast-2", "-o", "json");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("\"region\" : \"ap-southeast-2\"").contains("no LAMBDA price 'requests.per-million' for ap-southeast-2");
        Result bad = tally("estimate", APP, "--region", "moon-1");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    @DisplayName("--base with --fail-above: exit 1 above the threshold, 0 below; the comment written atomically")
    void gate() throws IOException {
        // Base: $2.00 requests + 10M x 1 s x 1 GB = 10,000,000 GB-s x $0.0000133334 = 133.334: $135.33.
        // Head (2,048 MB): $2.00 + 20,000,000 GB-s = 266.668: $268.67. Each resource is rounded to the cent before the
        // totals, so the change is what the reader can add up: $268.67 - $135.33 = +$133.34, +98.53%.
        Path base = file("base.template.json", BASE.formatted(1024));
        Path head = file("head.template.json", BASE.formatted(2048));
        Path profile = file("worker.yaml", PROFILE);
        Path comment = dir.resolve("out/comment.md");
        Result failed = tally("estimate", head.toString(), "--base", base.toString(), "--usage", profile.toString(),
                "--fail-above", "100", "-o", "markdown", "--output-file", comment.toString(), "--region", "us-east-1");
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(failed.err()).contains("tally: wrote " + comment)
                .contains("tally: monthly cost up $133.34, above --fail-above $100.00");
        assertThat(Files.readString(comment)).contains("## Cost estimate: +$133.34 per month (+98.53%)")
                .contains("MemorySize: 1024 -> 2048");
        Result passed = tally("estimate", head.toString(), "--base", base.toString(), "--usage", profile.toString(),
                "--fail-above", "150%", "--region", "us-east-1");
        assertThat(passed.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(passed.out()).contains("+$133.34").contains("because MemorySize: 1024 -> 2048");
    }

    @Test
    @DisplayName("without --base, --fail-above DOLLARS is a budget on the total")
    void budget() throws IOException {
        Path head = file("head.template.json", BASE.formatted(1024));
        Path profile = file("worker.yaml", PROFILE);
        // $2.00 requests + 10M GB-s x $0.0000133334 = $133.33: $135.33.
        assertThat(tally("estimate", head.toString(), "--usage", profile.toString(), "--fail-above", "135", "--region", "us-east-1").exitCode())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(tally("estimate", head.toString(), "--usage", profile.toString(), "--fail-above", "136", "--region", "us-east-1").exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("the renewal stack against the legacy fleet it replaced")
    void fleetComparison() throws Exception {
        Result result = tally("estimate", APP, "--usage", "renewal", "--stack", "Production/Renewal",
                "--compare-fleet", "legacy-fleet", "-o", "json", "--region", "us-east-1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode comparison = new ObjectMapper().readTree(result.out()).path("fleetComparison");
        // 12 x m5.xlarge x $0.192 x 730 h = 1,681.92 + 1,200 GB x $0.08 = 96.00; 2 x r5.2xlarge x $0.504 x 730 = 735.84
        // + 1,000 GB x $0.08 = 80.00. Fleet $2,593.76.
        assertThat(comparison.path("fleetMonthlyUsd").decimalValue()).isEqualByComparingTo("2593.76");
        assertThat(comparison.path("savingMonthlyUsd").decimalValue()).isEqualByComparingTo("2371.00");
        assertThat(comparison.path("assumptions").toString()).contains("sized for the peak", "N+2");
    }

    @Test
    @DisplayName("the GitHub Actions example's tally command parses with today's flags and writes the comment it posts")
    void githubActionsExample() throws IOException {
        JsonNode workflow = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(REPO.resolve("examples/github-actions/cost-estimate.yml").toFile());
        String run = null;
        String posted = null;
        for (JsonNode step : workflow.path("jobs").path("estimate").path("steps")) {
            String script = step.path("run").asText("");
            if (script.contains("./tally estimate")) {
                run = script.substring(script.indexOf("./tally estimate")).replace("\\\n", " ").lines().findFirst().orElseThrow();
            }
            if (script.contains("gh pr comment")) {
                posted = script;
            }
        }
        assertThat(run).isNotNull();
        String[] args = run.replace("./tally ", "").replace("'", "").trim().split("\\s+");
        CommandLine.ParseResult parsed = TallyCli.commandLine().parseArgs(args);
        CommandLine.ParseResult estimate = parsed.subcommand();
        assertThat(estimate.commandSpec().name()).isEqualTo("estimate");
        assertThat(estimate.matchedOptionValue("--fail-above", "")).isEqualTo("10%");
        assertThat(estimate.matchedOptionValue("--output-file", "")).isEqualTo("target/estimate.md");
        assertThat(posted).contains("--body-file target/estimate.md");
    }

    @Test
    @DisplayName("bad input: one line naming the problem and the fix, exit 2, nothing on stdout")
    void badInput() throws IOException {
        Result missing = tally("estimate", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such folder; run 'npx aws-cdk synth' first");
        assertThat(missing.out()).isEmpty();

        Path typo = file("typo.yaml", """
                name: typo
                resources:
                  - {type: AWS::Lambda::Function, match: "*", usage: {requestPerMonth: 5}}
                  - {type: AWS::Kinesis::Stream, usage: {shards: 2}}
                """);
        Result profile = tally("estimate", APP, "--usage", typo.toString());
        assertThat(profile.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(profile.err()).contains("resources[0].usage.requestPerMonth: AWS::Lambda::Function reads no such figure (valid: requestsPerMonth")
                .contains("resources[1].usage: no pricer for AWS::Kinesis::Stream").doesNotContain("Exception");

        Result percent = tally("estimate", APP, "--fail-above", "10%");
        assertThat(percent.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(percent.err()).contains("needs --base OLD_CDK_OUT");

        Result format = tally("estimate", APP, "-o", "xml");
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("-o/--output 'xml': choose table, json or markdown");

        Result stack = tally("estimate", APP, "--stack", "Nope/*");
        assertThat(stack.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(stack.err()).contains("no stack matches --stack Nope/*").contains("Production/Renewal");

        Result notTemplate = tally("estimate", file("x.json", "{\"a\": 1}").toString());
        assertThat(notTemplate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notTemplate.err()).contains("not a CloudFormation template");
    }
}
