package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.compliance.ComplianceReport;
import dev.tally.constructs.operations.AlarmRoutingAudit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** The customer portal and EKS platform stacks of the real app, synthesized once, in both environments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("TallyApp: the portal and platform stacks in every environment, through the gate")
class PortalAndPlatformStacksTest {

    /** By the issue's own rule production has one NAT gateway (and its address) per AZ, other environments one. */
    private static final Set<String> SIZED_BY_ENVIRONMENT = Set.of("AWS::EC2::NatGateway", "AWS::EC2::EIP");

    private ComplianceReport report;
    private Map<String, CloudFormationStackArtifact> stacks;

    @BeforeAll
    void synthesizeOnce(@TempDir Path outdir) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).context(CdkJsonContext.forTests()).build());
        TallyApp.Synthesis synthesis = TallyApp.compose(app, LocalDate.now(ZoneOffset.UTC)).synth();
        report = synthesis.report();
        stacks = synthesis.assembly().getStacksRecursively().stream()
                .collect(Collectors.toMap(CloudFormationStackArtifact::getStackName, s -> s));
    }

    @SuppressWarnings("unchecked")
    private Template template(String stackName) {
        return Template.fromJSON((Map<String, Object>) stacks.get(stackName).getTemplate());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> resourceTypeCounts(String stackName) {
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) stacks.get(stackName).getTemplate()).get("Resources");
        return resources.values().stream().map(r -> (String) r.get("Type"))
                .filter(type -> !SIZED_BY_ENVIRONMENT.contains(type))
                .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    }

    @Test
    @DisplayName("every environment has a portal and a platform stack, and the gate passes over all of them")
    void stacksExistAndPassTheGate() {
        assertThat(stacks).containsKeys("tally-staging-portal", "tally-production-portal",
                "tally-staging-platform", "tally-production-platform");
        assertThat(report.errors()).as(report.render()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    @DisplayName("one topology: the same resource types and counts, except the NAT gateways production has per AZ")
    void identicalTopology() {
        for (String component : new String[] {"portal", "platform"}) {
            Map<String, Long> staging = resourceTypeCounts("tally-staging-" + component);
            assertThat(resourceTypeCounts("tally-production-" + component)).as(component).isEqualTo(staging);
        }
        template("tally-staging-portal").resourceCountIs("AWS::EC2::NatGateway", 1);
        template("tally-production-portal").resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    @Test
    @DisplayName("portal sizes follow PortalSizing: tasks, spot share, database class, Multi-AZ and backups")
    void portalSizes() {
        for (PortalSizing sizing : new PortalSizing[] {PortalSizing.STAGING, PortalSizing.PRODUCTION}) {
            Template portal = template("tally-" + sizing.environment() + "-portal");
            portal.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                    "MinCapacity", sizing.minTasks(), "MaxCapacity", sizing.maxTasks())));
            portal.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                    "DBInstanceClass", "db." + sizing.databaseInstanceType(),
                    "BackupRetentionPeriod", sizing.backupRetentionDays(),
                    "MultiAZ", sizing.environment().equals("production"))));
        }
        template("tally-staging-portal").hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "CapacityProviderStrategy", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "CapacityProvider", "FARGATE_SPOT", "Weight", 50)))))));
        assertThat(PortalSizing.PRODUCTION.fargateSpotShare()).isZero();
    }

    @Test
    @DisplayName("platform sizes follow PlatformSizing, and production's API endpoint is private")
    void platformSizes() {
        for (PlatformSizing sizing : new PlatformSizing[] {PlatformSizing.STAGING, PlatformSizing.PRODUCTION}) {
            Template platform = template("tally-" + sizing.environment() + "-platform");
            platform.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
                    "CapacityType", "SPOT", "ScalingConfig", Match.objectLike(Map.of("MaxSize", sizing.spotMax())))));
            platform.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
                    "CapacityType", "ON_DEMAND", "ScalingConfig", Match.objectLike(Map.of(
                            "MinSize", sizing.onDemandMin(), "MaxSize", sizing.onDemandMax())))));
        }
        template("tally-production-platform").hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
                "ResourcesVpcConfig", Match.objectLike(Map.of("EndpointPublicAccess", false)))));
    }

    @Test
    @DisplayName("every portal alarm pages (customer-facing) or opens a ticket; the platform has none unrouted")
    @SuppressWarnings("unchecked")
    void everyAlarmRouted() {
        for (String stack : new String[] {"tally-staging-portal", "tally-production-portal",
                "tally-staging-platform", "tally-production-platform"}) {
            assertThat(AlarmRoutingAudit.unroutedAlarms((Map<String, Object>) stacks.get(stack).getTemplate()))
                    .as(stack).isEmpty();
        }
        template("tally-production-portal").resourceCountIs("AWS::CloudWatch::Alarm", 7);
    }

    @Test
    @DisplayName("cfn-lint: no portal or platform template has an error CloudFormation would reject")
    void cfnLintPasses() throws Exception {
        List<Path> templates = stacks.values().stream()
                .filter(s -> s.getStackName().endsWith("-portal") || s.getStackName().endsWith("-platform"))
                .map(s -> Path.of(s.getTemplateFullPath())).toList();
        assertThat(templates).hasSize(4);
        assertThat(CfnLint.errors(templates)).isEmpty();
    }

    @Test
    @DisplayName("production stacks are termination-protected; staging's are not")
    void terminationProtection() {
        assertThat(stacks.get("tally-production-portal").getTerminationProtection()).isTrue();
        assertThat(stacks.get("tally-production-platform").getTerminationProtection()).isTrue();
        assertThat(stacks.get("tally-staging-portal").getTerminationProtection()).isFalse();
    }
}
