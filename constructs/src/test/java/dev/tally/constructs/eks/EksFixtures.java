package dev.tally.constructs.eks;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** Shared test set-up: environment-agnostic stacks (as the app builds them) under both nag packs. */
final class EksFixtures {

  private EksFixtures() {}

  static Stack newCheckedStack() {
    Stack stack = new Stack(new App(), "TestStack");
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Aspects.of(stack).add(new ServerlessChecks());
    return stack;
  }

  static String nagErrors(Stack stack) {
    return Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*|CdkNagValidationFailure.*")).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
  }

  static String warnings(Stack stack) {
    return Annotations.fromStack(stack).findWarning("*", Match.anyValue()).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
  }
}
