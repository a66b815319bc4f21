package dev.tally.constructs.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.slo.ServiceLevelIndicator;
import dev.tally.constructs.slo.ServiceLevelObjective;
import dev.tally.constructs.slo.ServiceLevelObjectiveProps;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The example of docs/operations.md, kept compiling, synthesizing and nag-clean here. */
@DisplayName("docs/operations.md example")
class OperationsExampleTest {

  // --- begin operations example (keep in step with docs/operations.md) ---
  static RenewalOperations operate(Stack stack, RenewalPipeline renewals) {
    AlarmTopics alarms = new AlarmTopics(stack, "Alarms", AlarmTopicsProps.builder()
        .pageSubscribers(List.of("oncall@isp.example"))                   // woken by a fast error-budget burn
        .ticketSubscribers(List.of("https://chat.isp.example/hooks/renewals"))
        .deliveryFailureQueue(renewals.getFailureQueue())                // notifications SNS could not deliver
        .production(true)                                                 // keep the topics' key
        .build());
    RenewalOperations operations = new RenewalOperations(stack, "Operations", RenewalOperationsProps.builder()
        .pipeline(renewals)
        .alarmTopics(alarms)
        .dashboardName("renewals-production")
        .availabilityObjectivePercent(99.95)                              // ~21 minutes of 5XX a month
        .build());

    // An SLO of your own: the worker's errors against its invocations, over four weeks.
    ServiceLevelObjective crediting = new ServiceLevelObjective(stack, "Crediting",
        ServiceLevelObjectiveProps.builder()
            .name("Crediting")
            .indicator(ServiceLevelIndicator.functionAvailability(renewals.getWorkerAlias()))
            .objectivePercent(99.9)
            .period(Duration.days(28))                                    // 13.44x pages, not 14.4x
            .build());
    alarms.route(crediting);                                              // page or ticket, by window
    return operations;
  }
  // --- end operations example ---

  private static Stack stack;
  private static RenewalOperations operations;

  @BeforeAll
  static void synthesize() {
    stack = RenewalOperationsTest.newStack();
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Aspects.of(stack).add(new ServerlessChecks());
    operations = operate(stack, RenewalOperationsTest.pipelineIn(stack, true));
  }

  @Test
  @DisplayName("the example synthesizes with its objective and its own SLO, every alarm routed")
  void synthesizes() {
    assertThat(operations.getApiAvailability().getBurnRateAlarms().get(0).errorRatioThreshold()).isEqualTo(0.0072);
    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::CompositeAlarm", 12);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) template.toJSON();
    assertThat(AlarmRoutingAudit.unroutedAlarms(json)).isEmpty();
  }

  @Test
  @DisplayName("the example has no nag errors")
  void nagClean() {
    String errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*")).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("docs/operations.md shows exactly the code of this test")
  void docsMatchThisCode() throws Exception {
    String source = java.nio.file.Files.readString(java.nio.file.Path.of(
        "src/test/java/dev/tally/constructs/operations/OperationsExampleTest.java"));
    String example = source.substring(source.indexOf("  static RenewalOperations operate"),
        source.indexOf("  // --- end operations example ---")).stripTrailing();
    assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/operations.md")))
        .contains(example.stripIndent());
  }
}
