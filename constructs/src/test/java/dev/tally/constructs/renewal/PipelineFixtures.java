package dev.tally.constructs.renewal;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Code;

/** Shared test set-up: a placeholder code asset and stacks holding one pipeline. */
final class PipelineFixtures {

  /** The tests synthesize templates only, so any existing asset will do. */
  static final String PLACEHOLDER_ASSET = "src/test/resources/placeholder-function";

  private PipelineFixtures() {}

  static Code placeholderCode() {
    return Code.fromAsset(PLACEHOLDER_ASSET);
  }

  static RenewalPipelineProps.Builder minimalProps() {
    return RenewalPipelineProps.builder().functionCode(placeholderCode());
  }

  static Stack newStack() {
    return new Stack(new App(), "TestStack", StackProps.builder()
        .env(Environment.builder().account("111122223333").region("eu-west-1").build())
        .build());
  }

  /** A stack holding one pipeline built from {@code props}, with {@code before} run first on the stack. */
  static Stack stackWith(RenewalPipelineProps props, Consumer<Stack> before) {
    Stack stack = newStack();
    before.accept(stack);
    new RenewalPipeline(stack, "Renewals", props);
    return stack;
  }

  /** Nag errors of both packs, one per line, for a readable failure message. */
  static String nagErrors(Stack stack) {
    List<SynthesisMessage> errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*"));
    return errors.stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
  }
}
