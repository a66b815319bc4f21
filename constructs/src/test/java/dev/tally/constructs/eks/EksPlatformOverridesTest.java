package dev.tally.constructs.eks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Every prop away from its default in one stack; production defaults and an existing VPC in another. */
@DisplayName("EksPlatform with every prop overridden")
class EksPlatformOverridesTest {

  static final String ADMIN = "arn:aws:iam::111122223333:role/platform-admin";

  private static Template template;
  private static Template production;
  private static Stack productionStack;
  private static Role workloadRole;

  @BeforeAll
  static void synthesize() {
    Stack stack = EksFixtures.newCheckedStack();
    Key key = Key.Builder.create(stack, "OwnKey").enableKeyRotation(true).build();
    EksPlatform platform = EksPlatform.Builder.create(stack, "Platform")
        .natGateways(2)
        .kubernetesVersion(KubernetesVersion.V1_34)
        .vpcCniVersion("v1.20.4-eksbuild.2")
        .coreDnsVersion("v1.13.2-eksbuild.11")
        .kubeProxyVersion("v1.34.6-eksbuild.13")
        .podIdentityAgentVersion("v1.3.8-eksbuild.2")
        .endpointAccess(EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom("203.0.113.0/24"))
        .secretsEncryptionKey(key)
        .clusterAdminRoleArns(List.of(ADMIN))
        .onDemandInstanceTypes(List.of(InstanceType.of(InstanceClass.R7G, InstanceSize.XLARGE)))
        .onDemandMinSize(3)
        .onDemandMaxSize(9)
        .spotInstanceTypes(List.of(InstanceType.of(InstanceClass.C7G, InstanceSize.XLARGE),
            InstanceType.of(InstanceClass.C6G, InstanceSize.XLARGE)))
        .spotMinSize(1)
        .spotMaxSize(30)
        .logRetention(RetentionDays.ONE_WEEK)
        .build();
    workloadRole = platform.addWorkloadRole("Billing", "billing", "billing-api");
    template = Template.fromStack(stack);

    productionStack = EksFixtures.newCheckedStack();
    Vpc vpc = Vpc.Builder.create(productionStack, "SharedVpc").maxAzs(2).build();
    new EksPlatform(productionStack, "Platform", EksPlatformProps.builder().production(true).vpc(vpc).build());
    production = Template.fromStack(productionStack);
  }

  @Test
  @DisplayName("production: a private-only endpoint by default")
  void productionEndpointIsPrivate() {
    production.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "ResourcesVpcConfig", Match.objectLike(Map.of(
            "EndpointPublicAccess", false, "EndpointPrivateAccess", true)))));
  }

  @Test
  @DisplayName("vpc: the platform uses the VPC given and creates none (no flow-log bucket either)")
  void existingVpc() {
    production.resourceCountIs("AWS::EC2::VPC", 1);
    production.resourceCountIs("AWS::S3::Bucket", 0);
  }

  @Test
  @DisplayName("production: the platform is nag-clean without the public-endpoint suppression")
  void productionIsClean() {
    assertThat(EksFixtures.nagErrors(productionStack).lines()
        .filter(line -> line.startsWith("/TestStack/Platform/"))).isEmpty();
  }

  @Test
  @DisplayName("natGateways: two")
  void natGateways() {
    template.resourceCountIs("AWS::EC2::NatGateway", 2);
  }

  @Test
  @DisplayName("kubernetesVersion and the four add-on versions")
  void versions() {
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of("Version", "1.34")));
    Map.of("vpc-cni", "v1.20.4-eksbuild.2", "coredns", "v1.13.2-eksbuild.11", "kube-proxy", "v1.34.6-eksbuild.13",
        "eks-pod-identity-agent", "v1.3.8-eksbuild.2")
        .forEach((name, version) -> template.hasResourceProperties("AWS::EKS::Addon", Match.objectLike(Map.of(
            "AddonName", name, "AddonVersion", version))));
  }

  @Test
  @DisplayName("endpointAccess: public limited to the given CIDR")
  void endpointAccess() {
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "ResourcesVpcConfig", Match.objectLike(Map.of("PublicAccessCidrs", List.of("203.0.113.0/24"))))));
  }

  @Test
  @DisplayName("secretsEncryptionKey: the key given, none created")
  void secretsKey() {
    template.resourceCountIs("AWS::KMS::Key", 1);
  }

  @Test
  @DisplayName("clusterAdminRoleArns: one access entry with cluster-admin, and the creator is no longer admin")
  void admins() {
    template.hasResourceProperties("AWS::EKS::AccessEntry", Match.objectLike(Map.of(
        "PrincipalArn", ADMIN,
        "AccessPolicies", List.of(Match.objectLike(Map.of("AccessScope", Map.of("Type", "cluster")))))));
    assertThat(template.findResources("AWS::EKS::AccessEntry").toString())
        .contains("cluster-access-policy/AmazonEKSClusterAdminPolicy");
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "AccessConfig", Match.objectLike(Map.of("BootstrapClusterCreatorAdminPermissions", false)))));
  }

  @Test
  @DisplayName("node group types and sizes follow the props")
  void nodegroups() {
    template.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
        "CapacityType", "ON_DEMAND", "InstanceTypes", List.of("r7g.xlarge"),
        "ScalingConfig", Map.of("MinSize", 3, "MaxSize", 9, "DesiredSize", 3))));
    template.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
        "CapacityType", "SPOT", "InstanceTypes", List.of("c7g.xlarge", "c6g.xlarge"),
        "ScalingConfig", Map.of("MinSize", 1, "MaxSize", 30, "DesiredSize", 1))));
  }

  @Test
  @DisplayName("logRetention: one week for the control-plane logs")
  void logRetention() {
    template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 7)));
  }

  @Test
  @DisplayName("addWorkloadRole: a role trusted by EKS Pod Identity and its association")
  void workloadRole() {
    assertThat(workloadRole).isNotNull();
    template.hasResourceProperties("AWS::EKS::PodIdentityAssociation", Match.objectLike(Map.of(
        "Namespace", "billing", "ServiceAccount", "billing-api")));
    template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
        "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Action", "sts:TagSession",
                "Principal", Map.of("Service", "pods.eks.amazonaws.com"))))))))));
  }
}
