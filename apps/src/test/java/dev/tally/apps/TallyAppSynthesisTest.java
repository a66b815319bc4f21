package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.compliance.ComplianceReport;
import dev.tally.constructs.operations.AlarmRoutingAudit;
import dev.tally.constructs.compliance.JustifiedSuppression;
import dev.tally.constructs.compliance.NagFinding;
import dev.tally.constructs.compliance.SuppressionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.constructs.IConstruct;

/** Synthesizes the real app once, as {@code cdk synth} does, and checks what both environments get. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("TallyApp: staging and production from one topology, tagged and compliant")
class TallyAppSynthesisTest {

    private Path outdir;

    private TallyApp tally;
    private ComplianceReport report;
    private CloudFormationStackArtifact stagingArtifact;
    private CloudFormationStackArtifact productionArtifact;
    private Template staging;
    private Template production;

    @BeforeAll
    void synthesizeOnce(@TempDir Path dir) {
        outdir = dir;
        App app = new App(AppProps.builder().outdir(outdir.toString()).context(CdkJsonContext.forTests()).build());
        tally = TallyApp.compose(app, LocalDate.now(ZoneOffset.UTC));
        TallyApp.Synthesis synthesis = tally.synth();
        report = synthesis.report();
        stagingArtifact = synthesis.assembly().getStacksRecursively().stream()
                .filter(s -> s.getStackName().equals("tally-staging-renewal")).findFirst().orElseThrow();
        productionArtifact = synthesis.assembly().getStacksRecursively().stream()
                .filter(s -> s.getStackName().equals("tally-production-renewal")).findFirst().orElseThrow();
        staging = Template.fromJSON(templateOf(stagingArtifact));
        production = Template.fromJSON(templateOf(productionArtifact));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateOf(CloudFormationStackArtifact artifact) {
        return (Map<String, Object>) artifact.getTemplate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources(CloudFormationStackArtifact artifact) {
        return (Map<String, Map<String, Object>>) templateOf(artifact).get("Resources");
    }

    private static Map<String, Long> resourceTypeCounts(CloudFormationStackArtifact artifact) {
        return resources(artifact).values().stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("Type"), TreeMap::new, Collectors.counting()));
    }

    @Test
    @DisplayName("THE GATE: no stack of the real app has an unsuppressed nag error or a stale suppression")
    void complianceGatePasses() {
        // renewal, portal and platform in every environment
        assertThat(report.stacksChecked()).isEqualTo(EnvironmentSizing.ALL.size() * 3);
        assertThat(report.errors()).as(report.render()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    @DisplayName("every entry of policies/nag/suppressions.yaml silences its finding on the resources it names")
    void suppressionFileEntriesTakeEffect() {
        SuppressionPolicy policy = SuppressionPolicy.load(Path.of("..", AppSettings.DEFAULT_SUPPRESSIONS), LocalDate.now(ZoneOffset.UTC));
        List<NagFinding> findings = new ArrayList<>(report.errors());
        findings.addAll(report.warnings());
        for (JustifiedSuppression suppression : policy.suppressions()) {
            assertThat(findings).as("findings still reported for %s", suppression.label())
                    .noneMatch(finding -> suppression.path().matches(finding.path())
                            && finding.rule().equals(suppression.rule()));
        }
    }

    @Test
    @DisplayName("the gate's report and cdk-nag's CSV reports are written into the assembly directory")
    void reportsWritten() {
        assertThat(outdir.resolve(TallyApp.REPORT_FILE)).content().startsWith("Compliance gate PASSED");
        for (String stack : List.of("tally-staging-renewal", "tally-production-renewal")) {
            for (String pack : List.of("AwsSolutions", "Serverless")) {
                assertThat(outdir.resolve(pack + "-" + stack + "-NagReport.csv")).exists()
                        .content().startsWith("Rule ID,Resource ID,Compliance");
            }
        }
    }

    @Test
    @DisplayName("both environments exist as their own stage with a named renewal stack")
    void bothStageStacksExist() {
        assertThat(tally.stages()).extracting(stage -> stage.getNode().getId()).containsExactly("Staging", "Production");
        assertThat(stagingArtifact.getHierarchicalId()).isEqualTo("Staging/Renewal");
        assertThat(productionArtifact.getHierarchicalId()).isEqualTo("Production/Renewal");
    }

    @Test
    @DisplayName("environment parity: both stacks have exactly the same resource types and counts")
    void identicalTopology() {
        Map<String, Long> stagingCounts = resourceTypeCounts(stagingArtifact);
        assertThat(stagingCounts).containsKeys("AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::ApiGateway::RestApi");
        assertThat(resourceTypeCounts(productionArtifact)).isEqualTo(stagingCounts);
    }

    @Test
    @DisplayName("the drain rate (SQS event source maximum concurrency) follows each environment's sizing")
    void drainRateDiffers() {
        staging.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ScalingConfig", Map.of("MaximumConcurrency", EnvironmentSizing.STAGING.drainRate())));
        production.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ScalingConfig", Map.of("MaximumConcurrency", EnvironmentSizing.PRODUCTION.drainRate())));
        assertThat(EnvironmentSizing.STAGING.drainRate()).isNotEqualTo(EnvironmentSizing.PRODUCTION.drainRate());
    }

    @Test
    @DisplayName("API throttling follows each environment's sizing")
    void throttlingDiffers() {
        for (var pair : List.of(Map.entry(staging, EnvironmentSizing.STAGING), Map.entry(production, EnvironmentSizing.PRODUCTION))) {
            pair.getKey().hasResourceProperties("AWS::ApiGateway::Stage", Map.of("MethodSettings", Match.arrayWith(List.of(
                    Match.objectLike(Map.of(
                            "ThrottlingRateLimit", pair.getValue().apiRateLimit(),
                            "ThrottlingBurstLimit", pair.getValue().apiBurstLimit()))))));
        }
    }

    @Test
    @DisplayName("provisioned concurrency of the balance API in the renewal window follows the sizing")
    void provisionedConcurrencyDiffers() {
        staging.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MaxCapacity", EnvironmentSizing.STAGING.balanceProvisionedConcurrency()));
        production.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MaxCapacity", EnvironmentSizing.PRODUCTION.balanceProvisionedConcurrency()));
    }

    @Test
    @DisplayName("log retention follows the sizing, and production keeps its logs when the stack goes")
    void logRetentionDiffers() {
        staging.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        production.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
        staging.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete"));
        production.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    @DisplayName("production's table is RETAINed with deletion protection and its stack termination-protected; staging's is not")
    void productionDataIsProtected() {
        production.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", true))));
        staging.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete"));
        assertThat(resources(stagingArtifact).values()).filteredOn(r -> "AWS::DynamoDB::Table".equals(r.get("Type")))
                .singleElement()
                .satisfies(table -> assertThat(((Map<?, ?>) table.get("Properties")).get("DeletionProtectionEnabled"))
                        .isNotEqualTo(true));
        assertThat(productionArtifact.getTerminationProtection()).isTrue();
        assertThat(stagingArtifact.getTerminationProtection()).isFalse();
    }

    @Test
    @DisplayName("no stack is pinned to an account or region: synthesis needs no AWS credentials")
    void environmentAgnostic() {
        assertThat(stagingArtifact.getEnvironment().getAccount()).isEqualTo("unknown-account");
        assertThat(productionArtifact.getEnvironment().getRegion()).isEqualTo("unknown-region");
    }

    @Test
    @DisplayName("every taggable resource carries the four cost-allocation tags with its environment's values")
    void costAllocationTags() {
        for (EnvironmentStage stage : tally.stages()) {
            Stack stack = stage.getRenewal();
            String environment = stage.getNode().getId().toLowerCase();
            Map<String, Map<String, Object>> resources = resources(
                    environment.equals("staging") ? stagingArtifact : productionArtifact);
            List<String> checked = new ArrayList<>();
            for (IConstruct construct : stack.getNode().findAll()) {
                if (!CfnResource.isCfnResource(construct) || !TagManager.isTaggable(construct)) {
                    continue;
                }
                String logicalId = stack.getLogicalId((CfnElement) construct);
                Map<String, String> tags = tagsOf(resources.get(logicalId));
                assertThat(tags).as("tags of %s (%s)", construct.getNode().getPath(), logicalId)
                        .containsEntry(CostAllocationTags.APPLICATION, "tally")
                        .containsEntry(CostAllocationTags.ENVIRONMENT, environment)
                        .containsEntry(CostAllocationTags.COST_CENTER, AppSettings.DEFAULT_COST_CENTER)
                        .containsEntry(CostAllocationTags.OWNER, AppSettings.DEFAULT_OWNER);
                checked.add(logicalId);
            }
            // Functions, queues, the table, the topic, roles, log groups, alarms, the API and its stage at least.
            assertThat(checked).as("taggable resources checked in %s", environment).hasSizeGreaterThan(20);
        }
    }

    /** Tags as CloudFormation writes them: a list of Key/Value pairs (most types) or a plain map. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> tagsOf(Map<String, Object> resource) {
        Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
        Object tags = properties.get("Tags");
        Map<String, String> result = new TreeMap<>();
        if (tags instanceof List<?> list) {
            for (Object tag : list) {
                Map<String, Object> pair = (Map<String, Object>) tag;
                result.put(String.valueOf(pair.get("Key")), String.valueOf(pair.get("Value")));
            }
        } else if (tags instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }

    @Test
    @DisplayName("the asset-backed functions use the jar named by the functionsJar context")
    void functionsJarIsAnAsset() throws Exception {
        long jarSize = Files.size(Path.of(CdkJsonContext.functionsJar()));
        try (var files = Files.list(outdir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("asset.")))
                    .singleElement()
                    .satisfies(asset -> assertThat(Files.size(asset)).isEqualTo(jarSize));
        }
    }

    @Test
    @DisplayName("every alarm of both stacks publishes to a page or ticket topic, or feeds a composite that does")
    void everyAlarmRouted() {
        assertThat(AlarmRoutingAudit.unroutedAlarms(templateOf(stagingArtifact))).isEmpty();
        assertThat(AlarmRoutingAudit.unroutedAlarms(templateOf(productionArtifact))).isEmpty();
        staging.resourceCountIs("AWS::SNS::Topic", 3);   // renewals (SMS), page, ticket
    }

    @Test
    @DisplayName("production shifts traffic in a 10 % canary; staging all at once")
    void deploymentConfigByEnvironment() {
        production.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
                "DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes")), 2);
        staging.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
                "DeploymentConfigName", "CodeDeployDefault.LambdaAllAtOnce")), 2);
    }

    @Test
    @DisplayName("each environment has one dashboard named after its stack")
    void dashboardPerStack() {
        staging.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "tally-staging-renewal"));
        production.hasResourceProperties("AWS::CloudWatch::Dashboard",
                Map.of("DashboardName", "tally-production-renewal"));
    }

    @Test
    @DisplayName("cfn-lint: neither template has an error CloudFormation would reject (cycles, unknown properties)")
    void cfnLintPasses() throws Exception {
        List<Path> templates = List.of(
                Path.of(stagingArtifact.getTemplateFullPath()), Path.of(productionArtifact.getTemplateFullPath()));
        assertThat(CfnLint.errors(templates)).isEmpty();
    }

    @Test
    @DisplayName("cfn-lint catches a circular dependency (the gate shown to fail)")
    void cfnLintCatchesCycle(@TempDir Path dir) throws Exception {
        Path cyclic = CfnLint.write(dir, "cyclic.template.json", """
                {"Resources": {
                  "A": {"Type": "AWS::SQS::Queue", "DependsOn": "B"},
                  "B": {"Type": "AWS::SQS::Queue", "DependsOn": "A"}}}
                """);
        assertThat(CfnLint.errors(List.of(cyclic))).anyMatch(e -> e.startsWith("E3004"));
    }
}
