package dev.tally.audit.chargeback.run;

import static dev.tally.audit.chargeback.run.OctoberBill.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally chargeback} follows the CLI's one convention: {@code -o/--output}, {@code --output-file} (parents
 * created), report alone on stdout, status on stderr, {@code --quiet}; the old {@code --format}/{@code --out} work
 * for one release with a deprecation line; exit codes from the one table; rules from the flag, else {@code tally.yaml},
 * else the bundled defaults — never a file that happens to be in the current folder.
 */
@DisplayName("tally chargeback: the CLI's flag, output, exit-code and configuration conventions")
class ChargebackConventionsTest {
    @TempDir
    Path dir;

    private CommandResult run(String... args) {
        return CommandResult.runIn(dir, selection -> OctoberBill.bothMonths(), CLOCK, args);
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    @DisplayName("output")
    class Output {
        @Test
        @DisplayName("-o json --output-file into folders that do not exist yet: parents created, 'wrote' on stderr, stdout empty")
        void outputFileCreatesParents() throws IOException {
            Path target = dir.resolve("reports/2026/october.json");
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "-o", "json", "--output-file", target.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(new ObjectMapper().readTree(target.toFile()).at("/reconciliation/status").asText())
                    .isEqualTo("reconciled");
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("tally: wrote " + target + " · reconciled:");
        }

        @Test
        @DisplayName("a folder (trailing slash) gets chargeback-YYYY-MM.<ext> and, for CSV, the reconciliation beside it")
        void folder() throws IOException {
            Path folder = dir.resolve("out");
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "--output", "csv", "--output-file", folder + "/");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(namesIn(folder)).containsExactly("chargeback-2026-10-reconciliation.csv",
                    "chargeback-2026-10.csv");
        }

        @Test
        @DisplayName("--quiet: no 'wrote' line; the file is still written")
        void quiet() throws IOException {
            Path target = dir.resolve("q.html");
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "-o", "html", "--output-file", target.toString(), "--quiet");

            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(Files.readString(target)).startsWith("<!DOCTYPE html>");
        }

        @Test
        @DisplayName("--no-progress is accepted (there is no progress bar to hide, the flag is the CLI's)")
        void noProgress() throws IOException {
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "--no-progress");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Chargeback 2026-10");
        }
    }

    @Nested
    @DisplayName("deprecated spellings")
    class Deprecated {
        @Test
        @DisplayName("--format and --out still work this release, each with one deprecation line on stderr")
        void oldSpellingsWork() throws IOException {
            Path target = dir.resolve("old/report.csv");
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "--format", "csv", "--out", target.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err().lines()).contains(
                    "tally: warning: --format is deprecated and will be removed in the next release; use -o/--output",
                    "tally: warning: --out is deprecated and will be removed in the next release; use --output-file");
            assertThat(namesIn(target.getParent())).containsExactly("report-reconciliation.csv", "report.csv");
        }

        @Test
        @DisplayName("the deprecation line is shown even with --quiet (it asks for a change)")
        void deprecationSurvivesQuiet() throws IOException {
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir)
                    .toString(), "--format", "json", "--quiet");
            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).contains("--format is deprecated");
            assertThat(result.out()).startsWith("{");
        }

        @Test
        @DisplayName("old and new spellings that disagree are a usage error, before anything is read")
        void disagreeing() {
            CommandResult result = run("--month", "2026-10", "--cur", "x", "-o", "json", "--format", "csv");
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains("-o/--output json and --format csv disagree");
            CommandResult both = run("--month", "2026-10", "--cur", "x", "--output-file", "a.json", "--out", "b.json");
            assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(both.err()).contains("--output-file and --out both given");
        }
    }

    @Nested
    @DisplayName("exit codes")
    class ExitCodes {
        @Test
        @DisplayName("0: report written")
        void ok() throws IOException {
            assertThat(run("--month", "2026-10", "--cur", "x", "--rules", OctoberBill.rulesFile(dir).toString())
                    .exitCode()).isEqualTo(ExitCode.OK);
        }

        @Test
        @DisplayName("2: bad input (an unknown format), nothing written")
        void usage() throws IOException {
            CommandResult result = run("--month", "2026-10", "--cur", "x", "-o", "pdf", "--output-file",
                    dir.resolve("r.pdf").toString());
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(namesIn(dir)).isEmpty();
        }

        @Test
        @DisplayName("4: the report does not reconcile, nothing written")
        void unreconciled() throws IOException {
            InMemorySource offByACent = new InMemorySource(java.util.Map.of(OctoberBill.OCTOBER,
                    OctoberBill.october("454.01")));
            Path target = dir.resolve("r.json");
            CommandResult result = CommandResult.runIn(dir, selection -> offByACent, CLOCK, "--month", "2026-10",
                    "--cur", "x", "--rules", OctoberBill.rulesFile(dir).toString(), "-o", "json", "--output-file",
                    target.toString());
            assertThat(result.exitCode()).isEqualTo(ExitCode.UNRECONCILED);
            assertThat(target).doesNotExist();
        }

        @Test
        @DisplayName("70: an internal error asks for a bug report, without a stack trace unless --debug")
        void internal() {
            CostSourceFactory broken = selection -> (month, metric, keys) -> {
                throw new IllegalStateException("a bug");
            };
            CommandResult plain = CommandResult.runIn(dir, broken, CLOCK, "--month", "2026-10", "--cur", "x");
            assertThat(plain.exitCode()).isEqualTo(ExitCode.INTERNAL);
            assertThat(plain.err()).contains("tally: internal error: java.lang.IllegalStateException: a bug")
                    .contains("this is a bug in tally").contains("with --debug").doesNotContain("\tat ");

            CommandResult debug = CommandResult.runIn(dir, broken, CLOCK, "--month", "2026-10", "--cur", "x",
                    "--debug");
            assertThat(debug.exitCode()).isEqualTo(ExitCode.INTERNAL);
            assertThat(debug.err()).contains("\tat ").contains("IllegalStateException: a bug");
        }
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {
        @Test
        @DisplayName("a rules file in the current folder is NOT picked up silently: the bundled defaults are used")
        void noSilentRulesFile() throws IOException {
            Files.createDirectories(dir.resolve("policies/chargeback"));
            OctoberBill.rulesFile(dir.resolve("policies/chargeback"));
            CommandResult result = run("--month", "2026-10", "--cur", "x", "-o", "json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(new ObjectMapper().readTree(result.out()).get("rules").asText()).isEqualTo("bundled default");
        }

        @Test
        @DisplayName("tally.yaml found from a sub-folder upwards names the rules; the report header says which file")
        void projectFile() throws IOException {
            Path rules = OctoberBill.rulesFile(dir);
            Files.writeString(dir.resolve("tally.yaml"), "rules: " + rules.getFileName() + "\n");
            Path deeper = Files.createDirectories(dir.resolve("a/b"));
            CommandResult result = CommandResult.runIn(deeper, selection -> OctoberBill.bothMonths(), CLOCK,
                    "--month", "2026-10", "--cur", "x");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Rules:  " + rules + " (from " + dir.resolve("tally.yaml") + ")");
        }

        @Test
        @DisplayName("--rules wins over tally.yaml, and says so")
        void flagWins() throws IOException {
            Files.writeString(dir.resolve("tally.yaml"), "rules: nowhere.yaml\n");
            Path rules = OctoberBill.rulesFile(dir);
            // A broken tally.yaml is still an error: the flag does not hide a broken project file.
            CommandResult broken = run("--month", "2026-10", "--cur", "x", "--rules", rules.toString());
            assertThat(broken.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(broken.err()).contains(dir.resolve("tally.yaml") + ": rules: file " + dir.resolve("nowhere.yaml")
                    + " does not exist");

            Files.writeString(dir.resolve("tally.yaml"), "rules: " + rules.getFileName() + "\n");
            CommandResult result = run("--month", "2026-10", "--cur", "x", "--rules", rules.toString(), "-o", "json");
            assertThat(new ObjectMapper().readTree(result.out()).get("rules").asText())
                    .isEqualTo(rules + " (--rules)");
        }

        @Test
        @DisplayName("a broken tally.yaml (unknown field) is an error naming the file and the field")
        void brokenProjectFile() throws IOException {
            Files.writeString(dir.resolve("tally.yaml"), "rulez: rules.yaml\n");
            CommandResult result = run("--month", "2026-10", "--cur", "x");
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).isEqualTo("tally: " + dir.resolve("tally.yaml") + ": unknown field 'rulez' "
                    + "(valid: rules, tag-policy, thresholds, usage)" + System.lineSeparator());
        }
    }

    @Nested
    @DisplayName("AWS profile")
    class Profile {
        private String savedConfig;
        private String savedCredentials;

        @BeforeEach
        void emptyAwsConfiguration() throws IOException {
            savedConfig = System.setProperty("aws.configFile",
                    Files.writeString(dir.resolve("config"), "[profile audit]\nregion = eu-west-1\n").toString());
            savedCredentials = System.setProperty("aws.sharedCredentialsFile",
                    Files.writeString(dir.resolve("credentials"), "").toString());
        }

        @AfterEach
        void restore() {
            restore("aws.configFile", savedConfig);
            restore("aws.sharedCredentialsFile", savedCredentials);
        }

        private void restore(String key, String value) {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        }

        @Test
        @DisplayName("a --profile that does not exist is a usage error naming it, before any AWS call")
        void missingProfile() {
            CommandResult result = run("--month", "2026-10", "--profile", "nope");
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains("--profile nope: no profile 'nope' in " + dir.resolve("config"));
        }

        @Test
        @DisplayName("--source athena takes the profile's region; with no region anywhere it is a usage error")
        void athenaRegion() {
            List<SourceSelection> opened = new java.util.ArrayList<>();
            CommandResult result = CommandResult.runIn(dir, selection -> {
                opened.add(selection);
                return OctoberBill.bothMonths();
            }, CLOCK, "--month", "2026-10", "--source", "athena", "--profile", "audit");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(opened).singleElement().satisfies(s -> assertThat(s.region()).contains("eu-west-1"));

            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null,
                    "AWS_REGION is set in this environment");
            String saved = System.clearProperty("aws.region");
            try {
                CommandResult none = run("--month", "2026-10", "--source", "athena");
                assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(none.err()).contains("no AWS region configured: pass --region");
            } finally {
                if (saved != null) {
                    System.setProperty("aws.region", saved);
                }
            }
        }

        @Test
        @DisplayName("a configuration file that does not parse is a usage error naming it")
        void brokenConfiguration() throws IOException {
            Files.writeString(dir.resolve("config"), "[profile audit\nregion = eu-west-1\n");
            CommandResult result = run("--month", "2026-10", "--profile", "audit");
            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains("the AWS configuration (" + dir.resolve("config"))
                    .contains("cannot be read");
        }
    }
}
