package dev.tally.constructs.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.defaults.EksDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@DisplayName("EksPlatform with default props")
class EksPlatformDefaultsTest {

  private static Stack stack;
  private static Template template;

  @BeforeAll
  static void synthesize() {
    stack = EksFixtures.newCheckedStack();
    new EksPlatform(stack, "Platform", EksPlatformProps.builder().build());
    template = Template.fromStack(stack);
  }

  @Test
  @DisplayName("a native AWS::EKS::Cluster and no Lambda at all: no kubectl provider, no custom resource")
  void nativeCluster() {
    template.resourceCountIs("AWS::EKS::Cluster", 1);
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.resourceCountIs("Custom::AWSCDK-EKS-KubernetesResource", 0);
    template.resourceCountIs("AWS::EKS::Nodegroup", 2);
  }

  @Test
  @DisplayName("Kubernetes 1.35, every control-plane log type, secrets encrypted with a rotated KMS key")
  void cluster() {
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "Version", "1.35",
        "Logging", Map.of("ClusterLogging", Map.of("EnabledTypes", List.of(
            Map.of("Type", "api"), Map.of("Type", "audit"), Map.of("Type", "authenticator"),
            Map.of("Type", "controllerManager"), Map.of("Type", "scheduler")))),
        "EncryptionConfig", List.of(Match.objectLike(Map.of("Resources", List.of("secrets")))))));
    template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
  }

  @Test
  @DisplayName("outside production the endpoint is public and private")
  void endpoint() {
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "ResourcesVpcConfig", Match.objectLike(Map.of(
            "EndpointPublicAccess", true, "EndpointPrivateAccess", true)))));
  }

  @Test
  @DisplayName("access entries only, no aws-auth ConfigMap; without admins the creator is admin")
  void authentication() {
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "AccessConfig", Map.of("AuthenticationMode", "API", "BootstrapClusterCreatorAdminPermissions", true),
        "BootstrapSelfManagedAddons", false)));
    template.resourceCountIs("AWS::EKS::AccessEntry", 0);
  }

  @Test
  @DisplayName("the four managed add-ons at their pinned versions")
  void addons() {
    template.resourceCountIs("AWS::EKS::Addon", 4);
    Map.of("vpc-cni", EksDefaults.VPC_CNI_VERSION, "coredns", EksDefaults.COREDNS_VERSION,
        "kube-proxy", EksDefaults.KUBE_PROXY_VERSION, "eks-pod-identity-agent", EksDefaults.POD_IDENTITY_AGENT_VERSION)
        .forEach((name, version) -> template.hasResourceProperties("AWS::EKS::Addon", Match.objectLike(Map.of(
            "AddonName", name, "AddonVersion", version))));
  }

  @Test
  @DisplayName("on-demand group: m7g.large on AL2023 arm64, 2-6 nodes, stateful label, PreferNoSchedule taint")
  void onDemandGroup() {
    template.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
        "AmiType", "AL2023_ARM_64_STANDARD", "CapacityType", "ON_DEMAND", "InstanceTypes", List.of("m7g.large"),
        "ScalingConfig", Map.of("MinSize", 2, "MaxSize", 6, "DesiredSize", 2),
        "Labels", Map.of(EksPlatform.CAPACITY_LABEL, "on-demand", EksPlatform.WORKLOAD_LABEL, "stateful"),
        "Taints", List.of(Map.of("Key", EksPlatform.WORKLOAD_LABEL, "Value", "stateful",
            "Effect", "PREFER_NO_SCHEDULE")))));
  }

  @Test
  @DisplayName("spot group: four arm64 types, 0-10 nodes, stateless label, NoSchedule spot taint")
  void spotGroup() {
    template.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
        "AmiType", "AL2023_ARM_64_STANDARD", "CapacityType", "SPOT",
        "InstanceTypes", List.of("m7g.large", "m6g.large", "m7gd.large", "m6gd.large"),
        "ScalingConfig", Map.of("MinSize", 0, "MaxSize", 10, "DesiredSize", 0),
        "Labels", Map.of(EksPlatform.CAPACITY_LABEL, "spot", EksPlatform.WORKLOAD_LABEL, "stateless"),
        "Taints", List.of(Map.of("Key", EksPlatform.CAPACITY_LABEL, "Value", "spot", "Effect", "NO_SCHEDULE")))));
  }

  @Test
  @DisplayName("node groups wait for the CNI and kube-proxy; CoreDNS and the Pod Identity agent wait for nodes")
  @SuppressWarnings("unchecked")
  void ordering() {
    Map<String, Map<String, Object>> groups = template.findResources("AWS::EKS::Nodegroup");
    groups.values().forEach(group -> assertThat((List<String>) group.get("DependsOn"))
        .anyMatch(d -> d.contains("VpcCni")).anyMatch(d -> d.contains("KubeProxy")));
    Map<String, Map<String, Object>> addons = template.findResources("AWS::EKS::Addon",
        Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("AddonName", "coredns")))));
    assertThat((List<String>) addons.values().iterator().next().get("DependsOn"))
        .anyMatch(d -> d.contains("OnDemandNodes"));
  }

  @Test
  @DisplayName("the control-plane log group exists with one month's retention")
  void controlPlaneLogs() {
    template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
        "LogGroupName", Match.stringLikeRegexp("/aws/eks/.*/cluster"), "RetentionInDays", 30)));
  }

  @Test
  @DisplayName("a two-AZ VPC with one NAT gateway and flow logs")
  void vpc() {
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    template.resourceCountIs("AWS::EC2::Subnet", 6);
    template.resourceCountIs("AWS::EC2::FlowLog", 1);
  }

  @Test
  @DisplayName("no nag errors and no warnings")
  void nagClean() {
    assertThat(EksFixtures.nagErrors(stack)).isEmpty();
    assertThat(EksFixtures.warnings(stack)).isEmpty();
  }
}
