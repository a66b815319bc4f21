package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SuppressionPolicy: the suppression file is validated data")
class SuppressionPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String REASON = "The queue is itself the dead-letter queue of the worker queue.";

    private static String entry(String rule, String path, String reason, String owner, String expires) {
        StringBuilder yaml = new StringBuilder("  - rule: ").append(rule).append('\n')
                .append("    path: ").append(path).append('\n');
        if (reason != null) {
            yaml.append("    reason: \"").append(reason).append("\"\n");
        }
        if (owner != null) {
            yaml.append("    owner: ").append(owner).append('\n');
        }
        if (expires != null) {
            yaml.append("    expires: ").append(expires).append('\n');
        }
        return yaml.toString();
    }

    private static List<String> problemsOf(String yaml) {
        try {
            SuppressionPolicy.parse(yaml, "suppressions.yaml", TODAY);
        } catch (InvalidSuppressionsException e) {
            return e.problems();
        }
        throw new AssertionError("expected the policy to be rejected:\n" + yaml);
    }

    @Test
    @DisplayName("a complete entry is read with every field")
    void readsCompleteEntry() {
        SuppressionPolicy policy = SuppressionPolicy.parse("""
                suppressions:
                  - rule: AwsSolutions-IAM5
                    path: /*/Renewal/Worker/ServiceRole/DefaultPolicy/Resource
                    appliesTo: ["Resource::*"]
                    reason: X-Ray PutTraceSegments has no resource-level permissions.
                    owner: platform-team
                    expires: 2027-03-31
                """, "suppressions.yaml", TODAY);

        assertThat(policy.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.entry()).isEqualTo(1);
            assertThat(s.rule()).isEqualTo("AwsSolutions-IAM5");
            assertThat(s.path()).hasToString("/*/Renewal/Worker/ServiceRole/DefaultPolicy/Resource");
            assertThat(s.appliesTo()).containsExactly("Resource::*");
            assertThat(s.owner()).isEqualTo("platform-team");
            assertThat(s.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
    }

    @Test
    @DisplayName("an empty file or an empty list means no suppressions")
    void emptyMeansNone() {
        assertThat(SuppressionPolicy.parse("", "s.yaml", TODAY).suppressions()).isEmpty();
        assertThat(SuppressionPolicy.parse("suppressions: []\n", "s.yaml", TODAY).suppressions()).isEmpty();
    }

    @Test
    @DisplayName("a missing reason is rejected, naming the entry")
    void missingReason() {
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", null, "team", "2027-01-31")))
                .singleElement().asString()
                .contains("entry #1 (AwsSolutions-SQS3 at /App/Stack/Dlq)")
                .contains("reason is required");
    }

    @Test
    @DisplayName("a reason too short to justify anything is rejected")
    void shortReason() {
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", "it is fine", "team", "2027-01-31")))
                .singleElement().asString().contains("too short").contains("at least " + SuppressionPolicy.MIN_REASON_LENGTH);
    }

    @Test
    @DisplayName("an expired suppression is rejected with its expiry date")
    void expired() {
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team", "2026-11-22")))
                .singleElement().asString().contains("entry #1").contains("expired on 2026-11-22");
    }

    @Test
    @DisplayName("a suppression expiring today is still honoured")
    void expiresToday() {
        assertThat(SuppressionPolicy.parse("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team",
                TODAY.toString()), "s.yaml", TODAY).suppressions()).hasSize(1);
    }

    @Test
    @DisplayName("an expiry that is not a date, or more than a year ahead, is rejected")
    void badDates() {
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team", "31/01/2027")))
                .singleElement().asString().contains("'31/01/2027' is not a date").contains("YYYY-MM-DD");
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team", "2028-01-01")))
                .singleElement().asString().contains("more than 366 days ahead");
    }

    @Test
    @DisplayName("a rule id that no applied pack can produce is rejected")
    void unknownRuleFormat() {
        assertThat(problemsOf("suppressions:\n" + entry("SQS3", "/App/Stack/Dlq", REASON, "team", "2027-01-31")))
                .singleElement().asString().contains("rule 'SQS3' is not a cdk-nag rule id");
        assertThat(problemsOf("suppressions:\n" + entry("NIST.800.53.R4-SQSQueueSSE", "/App/Stack/Dlq", REASON, "team",
                "2027-01-31"))).singleElement().asString()
                .contains("AwsSolutions or Serverless or NIST.800.53.R5 or PCI.DSS.321 or HIPAA.Security or FinOps");
        assertThat(SuppressionPolicy.parse("suppressions:\n" + entry("HIPAA.Security-SQSQueueSSE", "/App/Stack/Dlq",
                REASON, "team", "2027-01-31"), "t", TODAY).suppressions()).hasSize(1);
    }

    @Test
    @DisplayName("paths must be absolute, name a resource, and use '*' only for one whole segment")
    void badPaths() {
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "App/Stack/Dlq", REASON, "team", "2027-01-31")))
                .singleElement().asString().contains("must be absolute");
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/*", REASON, "team", "2027-01-31")))
                .singleElement().asString().contains("ends in '*'");
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dl*", REASON, "team", "2027-01-31")))
                .singleElement().asString().contains("inside a segment");
        assertThat(problemsOf("suppressions:\n" + entry("AwsSolutions-SQS3", "/App", REASON, "team", "2027-01-31")))
                .singleElement().asString().contains("names a stack");
    }

    @Test
    @DisplayName("every problem of every entry is reported together")
    void reportsAllProblemsAtOnce() {
        String yaml = "suppressions:\n"
                + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", null, null, "2020-01-01")
                + entry("Nope", "/App/Stack/Queue", REASON, "team", "2027-01-31")
                + "    colour: red\n";

        assertThatThrownBy(() -> SuppressionPolicy.parse(yaml, "policies/nag/suppressions.yaml", TODAY))
                .isInstanceOf(InvalidSuppressionsException.class)
                .hasMessageStartingWith("policies/nag/suppressions.yaml is invalid (5 problems)")
                .satisfies(e -> assertThat(((InvalidSuppressionsException) e).problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("entry #1").contains("reason is required"),
                        p -> assertThat(p).startsWith("entry #1").contains("owner is required"),
                        p -> assertThat(p).startsWith("entry #1").contains("expired on 2020-01-01"),
                        p -> assertThat(p).startsWith("entry #2").contains("unknown key 'colour'"),
                        p -> assertThat(p).startsWith("entry #2").contains("rule 'Nope'")));
    }

    @Test
    @DisplayName("the same rule on the same resource twice is a duplicate")
    void duplicates() {
        String one = entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team", "2027-01-31");
        assertThat(problemsOf("suppressions:\n" + one + one)).singleElement().asString()
                .contains("entry #2").contains("duplicates an earlier entry");
    }

    @Test
    @DisplayName("a file that is not YAML, or has the wrong shape, gets one clear message")
    void wrongShape() {
        assertThat(problemsOf("suppressions: [unclosed")).singleElement().asString().contains("not valid YAML");
        assertThat(problemsOf("suppressions: {rule: x}\n")).singleElement().asString().contains("must be a list");
        assertThat(problemsOf("suppresions: []\n")).singleElement().asString().contains("unknown top-level key 'suppresions'");
    }

    @Test
    @DisplayName("a missing file is reported with how to create it")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> SuppressionPolicy.load(dir.resolve("nope.yaml"), TODAY))
                .isInstanceOf(InvalidSuppressionsException.class)
                .hasMessageContaining("nope.yaml").hasMessageContaining("suppressions: []");
    }

    @Test
    @DisplayName("a file on disk is loaded")
    void loadsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "suppressions:\n" + entry("AwsSolutions-SQS3", "/App/Stack/Dlq", REASON, "team", "2027-01-31"));
        assertThat(SuppressionPolicy.load(file, TODAY).suppressions()).hasSize(1);
    }
}
