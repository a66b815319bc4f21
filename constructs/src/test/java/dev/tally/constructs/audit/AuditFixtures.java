package dev.tally.constructs.audit;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** Shared test set-up: a stack pinned to a test account and region. */
final class AuditFixtures {

  private AuditFixtures() {}

  static Stack newStack() {
    return new Stack(new App(), "AuditStack", StackProps.builder()
        .env(Environment.builder().account("111122223333").region("eu-west-1").build())
        .build());
  }
}
