package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;

@DisplayName("CustomerPortal under cdk-nag (AwsSolutions and Serverless packs)")
class CustomerPortalNagTest {

  private static Stack defaultStack;

  @BeforeAll
  static void synthesize() {
    defaultStack = PortalFixtures.newStack();
    PortalFixtures.addNagPacks(defaultStack);
    new CustomerPortal(defaultStack, "Portal", PortalFixtures.minimalProps(defaultStack)
        .production(true)
        .certificate(ListenerCertificate.fromArn(CustomerPortalOverridesTest.CERTIFICATE))
        .webAclArn(CustomerPortalOverridesTest.WEB_ACL)
        .build());
  }

  @Test
  @DisplayName("a production portal (Multi-AZ, deletion protection, HTTPS, WAF) has no nag errors or warnings")
  void productionPortalIsClean() {
    assertThat(PortalFixtures.nagErrors(defaultStack)).as("nag errors").isEmpty();
    assertThat(PortalFixtures.nagWarnings(defaultStack)).as("nag warnings").isEmpty();
  }
}
