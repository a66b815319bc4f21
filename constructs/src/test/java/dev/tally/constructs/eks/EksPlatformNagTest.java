package dev.tally.constructs.eks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;

@DisplayName("EksPlatform under cdk-nag (AwsSolutions and Serverless packs)")
class EksPlatformNagTest {

  private static Stack publicProductionStack;

  @BeforeAll
  static void synthesize() {
    publicProductionStack = EksFixtures.newCheckedStack();
    new EksPlatform(publicProductionStack, "Platform", EksPlatformProps.builder()
        .production(true).endpointAccess(EndpointAccess.PUBLIC_AND_PRIVATE).build());
  }

  @Test
  @DisplayName("the gate reports a public API endpoint in production (AwsSolutions-EKS1), and nothing else")
  void publicEndpointInProductionIsReported() {
    assertThat(EksFixtures.nagErrors(publicProductionStack).lines().toList()).singleElement().asString()
        .startsWith("/TestStack/Platform/Cluster/Resource AwsSolutions-EKS1");
  }
}
