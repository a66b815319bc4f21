package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;

@DisplayName("ComplianceGate: fails on unsuppressed nag errors, honours justified suppressions, rejects stale ones")
class ComplianceGateTest {

    /** The packs these gate tests were written for (the gate's default runs all six). */
    private static final java.util.List<String> TWO_PACKS = java.util.List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS);

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path outdir;

    /** A bucket that enforces SSL but has no access logging: only AwsSolutions-S1 fires on it. */
    private static void unloggedBucket(Stack stack, String id) {
        Bucket.Builder.create(stack, id).enforceSsl(true).build();
    }

    private ComplianceReport synthesize(String suppressionsYaml, Consumer<App> build) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        build.accept(app);
        ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS)
                .suppressions(SuppressionPolicy.parse(suppressionsYaml, "test-suppressions.yaml", TODAY))
                .build();
        gate.applyTo(app);
        return gate.verify(app.synth());
    }

    private static String suppression(String rule, String path) {
        return "  - rule: " + rule + "\n    path: " + path + "\n"
                + "    reason: This bucket is the access-log target; logging it into itself would loop.\n"
                + "    owner: platform-team\n    expires: 2027-05-31\n";
    }

    @Test
    @DisplayName("a deliberately non-compliant stack fails with the exact rule ids, stack and resource paths")
    void catchesViolations() {
        ComplianceReport report = synthesize("", app -> {
            Stack stack = new Stack(app, "Bad");
            new Queue(stack, "PlainQueue");
            new Bucket(stack, "PlainBucket");
        });

        assertThat(report.passed()).isFalse();
        assertThat(report.errorRules()).containsExactly(
                "AwsSolutions-S1", "AwsSolutions-S10", "AwsSolutions-SQS3", "AwsSolutions-SQS4",
                "Serverless-SQSRedrivePolicy");
        assertThat(report.errors()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AwsSolutions-SQS4");
            assertThat(finding.stack()).isEqualTo("Bad");
            assertThat(finding.path()).isEqualTo("/Bad/PlainQueue/Resource");
            assertThat(finding.message()).containsIgnoringCase("SSL");
        });
        assertThat(report.errors()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AwsSolutions-S10");
            assertThat(finding.path()).isEqualTo("/Bad/PlainBucket/Resource");
        });
        assertThat(report.render())
                .startsWith("Compliance gate FAILED: 5 error(s)")
                .contains("AwsSolutions-SQS3", "/Bad/PlainQueue/Resource", "/Bad/PlainBucket/Resource");
    }

    @Test
    @DisplayName("warnings are reported but do not fail the gate")
    void warningsDoNotFail() {
        ComplianceReport report = synthesize("", app -> {
            Stack stack = new Stack(app, "Tables");
            Table.Builder.create(stack, "Ledger")
                    .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                    .build();
        });

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).extracting(NagFinding::rule).contains("AwsSolutions-DDB3");
        assertThat(report.render()).startsWith("Compliance gate PASSED").contains("WARNING").contains("AwsSolutions-DDB3");
    }

    @Test
    @DisplayName("a justified suppression on the one resource makes the gate pass and is recorded in the CSV report")
    void justifiedSuppressionPasses() throws Exception {
        ComplianceReport failing = synthesize("", app -> unloggedBucket(new Stack(app, "Buckets"), "Logs"));
        assertThat(failing.errorRules()).containsExactly("AwsSolutions-S1");

        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S1", "/Buckets/Logs"),
                app -> unloggedBucket(new Stack(app, "Buckets"), "Logs"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.passed()).isTrue();
        String csv = Files.readString(outdir.resolve("AwsSolutions-Buckets-NagReport.csv"));
        assertThat(csv).contains("\"AwsSolutions-S1\",\"Buckets/Logs/Resource\",\"Suppressed\"")
                .contains("access-log target").contains("owner: platform-team, expires: 2027-05-31");
    }

    @Test
    @DisplayName("a suppression only covers the resource it names: the same finding elsewhere still fails")
    void suppressionIsScopedToOneResource() {
        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S1", "/Buckets/Logs"), app -> {
            Stack stack = new Stack(app, "Buckets");
            unloggedBucket(stack, "Logs");
            unloggedBucket(stack, "Other");
        });

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AwsSolutions-S1");
            assertThat(finding.path()).isEqualTo("/Buckets/Other/Resource");
        });
    }

    @Test
    @DisplayName("'*' for the stage applies one entry to the same resource in every stage")
    void wildcardAcrossStages() {
        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S1", "/*/Buckets/Logs"), app -> {
            unloggedBucket(new Stack(new Stage(app, "Staging"), "Buckets"), "Logs");
            unloggedBucket(new Stack(new Stage(app, "Production"), "Buckets"), "Logs");
        });

        assertThat(report.stacksChecked()).isEqualTo(2);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    @DisplayName("findings in stacks inside stages are found too")
    void findsErrorsInStages() {
        ComplianceReport report = synthesize("", app -> {
            unloggedBucket(new Stack(new Stage(app, "Staging"), "Buckets"), "Logs");
            unloggedBucket(new Stack(new Stage(app, "Production"), "Buckets"), "Logs");
        });

        assertThat(report.errors()).extracting(NagFinding::path)
                .containsExactlyInAnyOrder("/Staging/Buckets/Logs/Resource", "/Production/Buckets/Logs/Resource");
        assertThat(report.errors()).extracting(NagFinding::stack)
                .containsExactlyInAnyOrder("Staging/Buckets (Staging-Buckets)", "Production/Buckets (Production-Buckets)");
    }

    @Test
    @DisplayName("a suppression whose path matches no resource is a stale error naming the entry")
    void staleWhenNoResource() {
        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S1", "/Buckets/Logs")
                + suppression("AwsSolutions-S1", "/Buckets/Renamed"), app -> unloggedBucket(new Stack(app, "Buckets"), "Logs"));

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.path()).isEqualTo("/Buckets/Renamed");
            assertThat(finding.message()).contains("stale suppression #2 AwsSolutions-S1 at /Buckets/Renamed")
                    .contains("owner platform-team").contains("matches no resource");
        });
    }

    @Test
    @DisplayName("a suppression for a rule that no longer fires on its resource is a stale error")
    void staleWhenFindingFixed() {
        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S10", "/Buckets/Logs"),
                app -> unloggedBucket(new Stack(app, "Buckets"), "Logs"));

        assertThat(report.errors()).extracting(NagFinding::message).anySatisfy(message -> assertThat(message)
                .contains("stale suppression #1 AwsSolutions-S10 at /Buckets/Logs")
                .contains("no longer fires"));
        assertThat(report.errors()).extracting(NagFinding::path).contains("/Buckets/Logs/Resource");
    }

    @Test
    @DisplayName("a pattern matching two resources of one stack is rejected, keeping suppressions to one resource")
    void rejectsPatternMatchingTwoResources() {
        ComplianceReport report = synthesize("suppressions:\n" + suppression("AwsSolutions-S1", "/Buckets/*/Resource"),
                app -> {
                    Stack stack = new Stack(app, "Buckets");
                    unloggedBucket(stack, "Logs");
                    unloggedBucket(stack, "Other");
                });

        assertThat(report.errors()).extracting(NagFinding::message).anySatisfy(message -> assertThat(message)
                .contains("#1 AwsSolutions-S1 at /Buckets/*/Resource").contains("matches 2 resources in one stack"));
    }

    @Test
    @DisplayName("errors and warnings the CDK itself raises are reported too, warnings under their acknowledgement id")
    void cdkAnnotations() {
        ComplianceReport report = synthesize("", app -> {
            Stack stack = new Stack(app, "Plain");
            Bucket bucket = Bucket.Builder.create(stack, "Logs").enforceSsl(true).serverAccessLogsPrefix("self/").build();
            Annotations.of(bucket).addWarningV2("@example/lib:oddSetting", "This setting is odd");
            Annotations.of(bucket).addError("This bucket cannot be used here");
        });

        assertThat(report.warnings()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("@example/lib:oddSetting");
            assertThat(finding.message()).isEqualTo("This setting is odd");
            assertThat(finding.path()).isEqualTo("/Plain/Logs");
        });
        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("(cdk)");
            assertThat(finding.message()).isEqualTo("This bucket cannot be used here");
        });
        assertThat(report.passed()).isFalse();
    }

    @Test
    @DisplayName("a stage created after applyTo() is reported as unchecked, so a passing gate means every stack was checked")
    void uncheckedStackFails() {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        unloggedBucket(new Stack(app, "Early"), "Logs");
        ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS).build();
        gate.applyTo(app);
        new Stack(new Stage(app, "Late"), "Buckets");

        ComplianceReport report = gate.verify(app.synth());

        assertThat(report.errors()).anySatisfy(finding -> {
            assertThat(finding.path()).isEqualTo("/Late/Buckets");
            assertThat(finding.message()).contains("this stack was not checked");
        });
        assertThat(report.errors()).extracting(NagFinding::path).contains("/Early/Logs/Resource");
    }

    @Test
    @DisplayName("a gate applied to one stack checks that stack")
    void stackScope() {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Stack stack = new Stack(new Stage(app, "Staging"), "Buckets");
        unloggedBucket(stack, "Logs");
        ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS).build();
        gate.applyTo(stack);

        ComplianceReport report = gate.verify(app.synth());

        assertThat(report.errors()).extracting(NagFinding::ruleId).containsExactly("AwsSolutions-S1");
    }
}
