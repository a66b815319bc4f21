package dev.tally.constructs.portal;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.lambda.Code;

/** Shared test set-up: environment-agnostic stacks (as the app builds them) holding one portal. */
final class PortalFixtures {

  /** The tests synthesize templates only, so any existing asset will do. */
  static final String PLACEHOLDER_ASSET = "src/test/resources/placeholder-function";

  private PortalFixtures() {}

  static Code placeholderCode() {
    return Code.fromAsset(PLACEHOLDER_ASSET);
  }

  static Stack newStack() {
    return new Stack(new App(), "TestStack");
  }

  /** Props with only what is required, the image taken from an ECR repository of {@code stack}. */
  static CustomerPortalProps.Builder minimalProps(Stack stack) {
    return CustomerPortalProps.builder()
        .ecrRepository(Repository.fromRepositoryName(stack, "PortalRepository", "customer-portal"))
        .imageTag("2026.12.1")
        .importFunctionCode(placeholderCode());
  }

  /** A map of alternating keys and values, for template matchers with more than ten properties. */
  static java.util.Map<String, Object> props(Object... keysAndValues) {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static void addNagPacks(Stack stack) {
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Aspects.of(stack).add(new ServerlessChecks());
  }

  /** Nag errors of both packs, one per line, for a readable failure message. */
  static String nagErrors(Stack stack) {
    List<SynthesisMessage> errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*|CdkNagValidationFailure.*"));
    return errors.stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
  }

  static String nagWarnings(Stack stack) {
    return Annotations.fromStack(stack).findWarning("*", Match.anyValue()).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
  }
}
