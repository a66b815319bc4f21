package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.CfnQueue;

/** The real cfn-lint (installed by .ci/run) over templates with deliberate errors and warnings. */
@DisplayName("CfnLint: cfn-lint errors fail the gate, warnings are listed, a missing cfn-lint is reported in one line")
class CfnLintTest {

    /** The packs these gate tests were written for (the gate's default runs all six). */
    private static final java.util.List<String> TWO_PACKS = java.util.List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS);

    @TempDir
    Path dir;

    private Path write(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    @DisplayName("an unknown property and a wrongly typed value are errors, naming the resource and the property")
    void errorsNamedByConstructPath() throws Exception {
        Path template = write("bad.json", """
                {"Resources": {"Queue": {"Type": "AWS::SQS::Queue",
                  "Properties": {"VisibilityTimeout": "soon", "Bogus": 1}}}}
                """);

        List<CfnLint.Finding> findings = CfnLint.onPath().lint(Map.of(template, "Staging/Renewal"), List.of());

        assertThat(findings).extracting(CfnLint.Finding::ruleId).contains("E3002", "E3012");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.level()).isEqualTo(NagFinding.Level.ERROR);
            assertThat(finding.template()).isEqualTo("Staging/Renewal");
            assertThat(finding.logicalId()).isEqualTo("Queue");
            assertThat(finding.location()).startsWith("Properties/");
        });
        assertThat(findings).anySatisfy(finding -> assertThat(finding.message()).contains("'Bogus' was unexpected"));
    }

    @Test
    @DisplayName("a circular dependency is an error (E3004)")
    void cycle() throws Exception {
        Path cyclic = write("cyclic.json", """
                {"Resources": {
                  "A": {"Type": "AWS::SQS::Queue", "DependsOn": "B"},
                  "B": {"Type": "AWS::SQS::Queue", "DependsOn": "A"}}}
                """);
        assertThat(CfnLint.onPath().lint(Map.of(cyclic, "cyclic"), List.of()))
                .anySatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("E3004"));
    }

    @Test
    @DisplayName("the one known false positive (Tags on AWS::CloudWatch::Dashboard, missing from cfn-lint 1.51's schema) is dropped")
    void dashboardTagsFalsePositive() throws Exception {
        Path dashboard = write("dashboard.json", """
                {"Resources": {"Board": {"Type": "AWS::CloudWatch::Dashboard",
                  "Properties": {"DashboardBody": "{}", "Tags": [{"Key": "tally:owner", "Value": "team"}]}},
                  "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": [{"Key": "k", "Value": "v"}], "Bogus": 1}}}}
                """);
        assertThat(CfnLint.onPath().lint(Map.of(dashboard, "d"), List.of()))
                .extracting(CfnLint.Finding::logicalId).containsExactly("Queue");
    }

    @Test
    @DisplayName("a redundant DependsOn is a warning (W3005), and a clean template has no finding")
    void warningsAndCleanTemplates() throws Exception {
        Path redundant = write("warn.json", """
                {"Resources": {"Dlq": {"Type": "AWS::SQS::Queue"},
                  "Queue": {"Type": "AWS::SQS::Queue", "DependsOn": ["Dlq"],
                    "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}}}}}
                """);
        Path clean = write("clean.json", """
                {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30}}}}
                """);

        List<CfnLint.Finding> findings = CfnLint.onPath().lint(Map.of(redundant, "warn", clean, "clean"), List.of());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("W3005");
            assertThat(finding.level()).isEqualTo(NagFinding.Level.WARNING);
            assertThat(finding.template()).isEqualTo("warn");
            assertThat(finding.templatePath()).isEqualTo("Resources/Queue/DependsOn/0");
        });
    }

    @Test
    @DisplayName("a missing executable is found missing, with a one-line install hint; linting it throws that message")
    void missingExecutable() throws Exception {
        CfnLint lint = CfnLint.at("cfn-lint", Map.of("PATH", dir.toString()));

        assertThat(lint.locate()).isEmpty();
        assertThat(lint.missingMessage()).doesNotContain("\n").contains("pip install cfn-lint");
        Path template = write("t.json", "{\"Resources\": {}}");
        assertThatThrownBy(() -> lint.lint(Map.of(template, "t"), List.of()))
                .isInstanceOf(CfnLint.CfnLintException.class).hasMessage(lint.missingMessage());
    }

    private ComplianceReport gate(CfnLint lint, boolean required, boolean breakTemplate) {
        App app = new App(AppProps.builder().outdir(dir.resolve("cdk.out").toString()).build());
        Stack stack = new Stack(app, "Linted");
        // An L1 queue with an unknown property: the CDK synthesizes it, CloudFormation would reject it.
        CfnQueue queue = CfnQueue.Builder.create(stack, "Queue").build();
        if (breakTemplate) {
            queue.addPropertyOverride("Bogus", 1);
        }
        ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS).reports(false).cfnLint(lint).cfnLintRequired(required).build();
        gate.applyTo(app);
        return gate.verify(app.synth());
    }

    @Test
    @DisplayName("THE GATE: a synthesized template carrying a cfn-lint error fails it, naming stack, resource and rule")
    void gateFailsOnLintError() {
        ComplianceReport report = gate(CfnLint.onPath(), true, true);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("cfn-lint:E3002");
            assertThat(finding.stack()).isEqualTo("Linted");
            assertThat(finding.path()).isEqualTo("/Linted/Queue (Properties/Bogus)");
        });
        assertThat(report.lintSummary()).isEqualTo("cfn-lint: 1 template(s) linted, 1 error(s), 0 warning(s)");
        assertThat(report.render()).contains("cfn-lint:E3002", "cfn-lint: 1 template(s) linted");
    }

    @Test
    @DisplayName("the same stack without the broken property has no cfn-lint finding")
    void gateCleanWithoutLintError() {
        ComplianceReport report = gate(CfnLint.onPath(), true, false);

        assertThat(report.errors()).noneMatch(finding -> finding.ruleId().startsWith("cfn-lint"));
        assertThat(report.lintSummary()).isEqualTo("cfn-lint: 1 template(s) linted, 0 error(s), 0 warning(s)");
    }

    @Test
    @DisplayName("without cfn-lint the gate warns on a developer's machine and fails where it is required (CI=true)")
    void missingCfnLint() {
        Map<String, String> noCfnLint = new HashMap<>(Map.of("PATH", dir.toString()));
        CfnLint missing = CfnLint.at("cfn-lint", noCfnLint);

        ComplianceReport local = gate(missing, false, true);
        assertThat(local.errors()).noneMatch(finding -> finding.ruleId().equals("cfn-lint"));
        assertThat(local.warnings()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("cfn-lint");
            assertThat(finding.message()).isEqualTo(missing.missingMessage());
        });
        assertThat(local.lintSummary()).isEqualTo("cfn-lint: not installed, 1 template(s) not linted");

        ComplianceReport ci = gate(missing, true, true);
        assertThat(ci.errors()).anySatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("cfn-lint");
            assertThat(finding.message()).startsWith(missing.missingMessage()).endsWith("(required because CI=true)");
        });
    }
}
