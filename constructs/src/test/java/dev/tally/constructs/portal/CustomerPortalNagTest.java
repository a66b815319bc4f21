package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

@DisplayName("CustomerPortal under cdk-nag (AwsSolutions and Serverless packs)")
class CustomerPortalNagTest {

  private static Stack defaultStack;

  @BeforeAll
  static void synthesize() {
    defaultStack = PortalFixtures.newStack();
    PortalFixtures.addNagPacks(defaultStack);
    new CustomerPortal(defaultStack, "Portal", PortalFixtures.minimalProps(defaultStack).build());
  }

  @Test
  @DisplayName("the default portal has no AwsSolutions or Serverless errors")
  void defaultPortalIsClean() {
    System.out.println("WARNINGS\n" + PortalFixtures.nagWarnings(defaultStack));
    assertThat(PortalFixtures.nagErrors(defaultStack)).as("nag errors").isEmpty();
  }
}
