package dev.tally.constructs.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;

@DisplayName("EksPlatformProps validation")
class EksPlatformPropsValidationTest {

  private static InvalidEksPlatformPropsException rejected(UnaryOperator<EksPlatformProps.Builder> change) {
    return catchThrowableOfType(InvalidEksPlatformPropsException.class,
        () -> change.apply(EksPlatformProps.builder()).build());
  }

  private static void assertRejected(UnaryOperator<EksPlatformProps.Builder> change, String expected) {
    InvalidEksPlatformPropsException e = rejected(change);
    assertThat(e).as("expected rejection mentioning: " + expected).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).startsWith("EksPlatformProps invalid: ").contains(expected);
  }

  private static InstanceType type(InstanceClass c) {
    return InstanceType.of(c, InstanceSize.LARGE);
  }

  @Test
  @DisplayName("the defaults are valid: private endpoint and two NAT gateways in production only")
  void defaults() {
    assertThat(EksPlatformProps.builder().build().effectiveEndpointAccess())
        .isEqualTo(EndpointAccess.PUBLIC_AND_PRIVATE);
    assertThat(EksPlatformProps.builder().production(true).build().effectiveEndpointAccess())
        .isEqualTo(EndpointAccess.PRIVATE);
    assertThat(EksPlatformProps.builder().production(true).build().effectiveNatGateways()).isEqualTo(2);
  }

  @Test
  @DisplayName("every problem at once, each naming its prop")
  void allAtOnce() {
    InvalidEksPlatformPropsException e = rejected(b -> b.natGateways(3).spotMinSize(-1).coreDnsVersion("latest"));
    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage()).contains("natGateways", "spotMinSize", "coreDnsVersion");
  }

  @Test
  @DisplayName("add-on versions must be exact, and kube-proxy must match the Kubernetes version")
  void versions() {
    assertRejected(b -> b.vpcCniVersion("1.21"), "vpcCniVersion must be an exact EKS add-on version");
    assertRejected(b -> b.podIdentityAgentVersion(null), "podIdentityAgentVersion must be an exact");
    assertRejected(b -> b.kubernetesVersion(KubernetesVersion.V1_34), "kubeProxyVersion must match kubernetesVersion");
    assertRejected(b -> b.kubernetesVersion(null), "kubernetesVersion must not be null");
  }

  @Test
  @DisplayName("node types must be Graviton; the spot group needs at least two types")
  void instanceTypes() {
    assertRejected(b -> b.onDemandInstanceTypes(List.of(type(InstanceClass.M7I))),
        "onDemandInstanceTypes must be Graviton (arm64) types");
    assertRejected(b -> b.spotInstanceTypes(List.of(type(InstanceClass.M7G))),
        "spotInstanceTypes must list at least 2 instance types");
    assertRejected(b -> b.spotInstanceTypes(List.of(type(InstanceClass.M7G), type(InstanceClass.C5))),
        "spotInstanceTypes must be Graviton");
  }

  @Test
  @DisplayName("scaling bounds: on-demand at least 1, spot at least 0, max at least min")
  void sizes() {
    assertRejected(b -> b.onDemandMinSize(0), "onDemandMinSize must be between 1 and 450");
    assertRejected(b -> b.onDemandMinSize(4).onDemandMaxSize(3), "onDemandMaxSize must be between 4");
    assertRejected(b -> b.spotMaxSize(0), "spotMaxSize must be between 1");
  }

  @Test
  @DisplayName("admins must be IAM role ARNs; natGateways 1-2; logRetention set")
  void others() {
    assertRejected(b -> b.clusterAdminRoleArns(List.of("platform-admin")), "clusterAdminRoleArns must hold IAM role");
    assertRejected(b -> b.natGateways(0), "natGateways must be 1 or 2");
    assertRejected(b -> b.logRetention(null), "logRetention must not be null");
  }

  @Test
  @DisplayName("null props are refused by the construct")
  void nullProps() {
    assertThatThrownBy(() -> new EksPlatform(new Stack(new App(), "S"), "Platform", null))
        .isInstanceOf(InvalidEksPlatformPropsException.class).hasMessageContaining("props are required");
  }
}
