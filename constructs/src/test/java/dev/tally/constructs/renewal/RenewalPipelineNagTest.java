package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.lambda.Runtime;

@DisplayName("RenewalPipeline under cdk-nag (AwsSolutions and Serverless packs)")
class RenewalPipelineNagTest {

  private static Stack defaultStack;
  private static Stack withSubscribersStack;
  private static Stack olderRuntimeStack;

  @BeforeAll
  static void synthesize() {
    defaultStack = checked(PipelineFixtures.minimalProps().build());
    withSubscribersStack = checked(PipelineFixtures.minimalProps()
        .smsSubscribers(List.of("+15555550100", "+447700900123"))
        .apiGatewayCloudWatchRole(false)
        .apiWebAclArn(RenewalPipelineOverridesTest.WEB_ACL)
        .production(true)
        .build());
    olderRuntimeStack = checked(PipelineFixtures.minimalProps().runtime(Runtime.JAVA_17).build());
  }

  private static Stack checked(RenewalPipelineProps props) {
    return PipelineFixtures.stackWith(props, stack -> {
      Aspects.of(stack).add(new AwsSolutionsChecks());
      Aspects.of(stack).add(new ServerlessChecks());
    });
  }

  @Test
  @DisplayName("the default pipeline has no AwsSolutions or Serverless errors")
  void defaultPipelineIsClean() {
    assertThat(PipelineFixtures.nagErrors(defaultStack)).as("nag errors").isEmpty();
  }

  @Test
  @DisplayName("a production pipeline with SMS subscribers and no account role has no nag errors")
  void customPipelineIsClean() {
    assertThat(PipelineFixtures.nagErrors(withSubscribersStack)).as("nag errors").isEmpty();
  }

  @Test
  @DisplayName("without a web ACL the WAF finding stays a visible warning (APIG3); with one it is gone")
  void wafIsAWarningUntilConfigured() {
    assertThat(Annotations.fromStack(defaultStack)
        .findWarning("*", Match.stringLikeRegexp("AwsSolutions-APIG3.*"))).hasSize(1);
    assertThat(Annotations.fromStack(withSubscribersStack)
        .findWarning("*", Match.stringLikeRegexp("AwsSolutions-APIG3.*"))).isEmpty();
  }

  @Test
  @DisplayName("the only warnings left are the WAF trade-off and cdk-nag's own crash on the API deployment")
  void onlyKnownWarningsRemain() {
    List<String> warnings = Annotations.fromStack(defaultStack).findWarning("*", Match.anyValue()).stream()
        .map(m -> m.getEntry().getData().toString())
        .filter(w -> !w.startsWith("AwsSolutions-APIG3:"))
        .filter(w -> !w.startsWith("CdkNagValidationFailure[Serverless-APIGWStructuredLogging]"))
        .toList();
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("the gate fails when a function runs an outdated runtime (the java21 pin is the only one suppressed)")
  void outdatedRuntimeIsReported() {
    assertThat(Annotations.fromStack(olderRuntimeStack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-L1.*")))
        .hasSize(6);   // the four handlers and the two pre-traffic hooks
  }
}
