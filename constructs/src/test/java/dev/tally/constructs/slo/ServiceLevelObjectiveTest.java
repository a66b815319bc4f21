package dev.tally.constructs.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.sqs.Queue;

@DisplayName("ServiceLevelObjective: multi-window, multi-burn-rate alarms derived from objective and period")
class ServiceLevelObjectiveTest {

  private static Template template;
  private static ServiceLevelObjective availability;
  private static ServiceLevelObjective latency;
  private static ServiceLevelObjective fourWeeks;

  @BeforeAll
  static void synthesize() {
    Stack stack = new Stack(new App(), "SloStack", StackProps.builder()
        .env(Environment.builder().account("111122223333").region("eu-west-1").build()).build());
    RestApi api = RestApi.Builder.create(stack, "Api").build();
    api.getRoot().addMethod("GET", MockIntegration.Builder.create().build());
    availability = new ServiceLevelObjective(stack, "Availability", ServiceLevelObjectiveProps.builder()
        .name("ApiAvailability")
        .indicator(ServiceLevelIndicator.apiAvailability(api, "prod"))
        .objectivePercent(99.9)
        .build());
    latency = new ServiceLevelObjective(stack, "Latency", ServiceLevelObjectiveProps.builder()
        .name("ApiLatency")
        .indicator(ServiceLevelIndicator.apiLatency(api, "prod", Duration.millis(300)))
        .objectivePercent(99)
        .windows(List.of(new BurnRateWindow(Duration.hours(2), Duration.minutes(10), 0.05, Severity.PAGE)))
        .build());
    Queue queue = new Queue(stack, "Queue");
    Queue dlq = new Queue(stack, "Dlq");
    fourWeeks = new ServiceLevelObjective(stack, "Delivery", ServiceLevelObjectiveProps.builder()
        .name("Delivery")
        .indicator(ServiceLevelIndicator.queueDelivery(queue, dlq))
        .objectivePercent(99.5)
        .period(Duration.days(28))
        .build());
    template = Template.fromStack(stack);
  }

  private static BurnRateAlarm window(ServiceLevelObjective slo, int index) {
    return slo.getBurnRateAlarms().get(index);
  }

  @Test
  @DisplayName("hand-computed: 99.9 % over 30 days, fast page = 14.4 x 0.1 % = 1.44 % errors over 1 h")
  void fastBurnThresholdHandComputed() {
    // 2 % of a 30-day budget in 1 h: 0.02 x 720 h / 1 h = 14.4; 14.4 x (1 - 0.999) = 0.0144.
    assertThat(window(availability, 0).burnRate()).isEqualTo(14.4);
    assertThat(window(availability, 0).errorRatioThreshold()).isEqualTo(0.0144);
  }

  @Test
  @DisplayName("the 1 h and 5 min alarms of the fast window both compare the error ratio against 0.0144")
  void fastWindowAlarmsInTemplate() {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Threshold", 0.0144, "ComparisonOperator", "GreaterThanThreshold", "EvaluationPeriods", 1,
        "TreatMissingData", "notBreaching",
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Expression", "IF(total > 0, FILL(bad, 0) / total, 0)")),
            Match.objectLike(Map.of("Id", "bad", "MetricStat", Match.objectLike(Map.of("Period", 3600)))))))));
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Threshold", 0.0144,
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Id", "bad", "MetricStat", Match.objectLike(Map.of("Period", 300)))))))));
  }

  @Test
  @DisplayName("6 x over 6 h / 30 min pages at 0.6 %; 1 x over 3 days / 6 h opens a ticket at 0.1 %")
  void slowerWindowsDerived() {
    assertThat(window(availability, 1).burnRate()).isEqualTo(6.0);
    assertThat(window(availability, 1).errorRatioThreshold()).isEqualTo(0.006);
    assertThat(window(availability, 1).severity()).isEqualTo(Severity.PAGE);
    assertThat(window(availability, 2).burnRate()).isEqualTo(1.0);
    assertThat(window(availability, 2).errorRatioThreshold()).isEqualTo(0.001);
    assertThat(window(availability, 2).severity()).isEqualTo(Severity.TICKET);
  }

  @Test
  @DisplayName("the 3-day window evaluates one 259,200 s period (within CloudWatch's 7-day limit)")
  void threeDayPeriod() {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Threshold", 0.001,
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Id", "bad", "MetricStat", Match.objectLike(Map.of("Period", 259200)))))))));
  }

  @Test
  @DisplayName("the metric math reads API Gateway 5XXError and Count sums of the stage")
  void availabilityInputs() {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Threshold", 0.0144,
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Id", "bad", "ReturnData", false, "MetricStat", Match.objectLike(Map.of(
                "Stat", "Sum", "Metric", Match.objectLike(Map.of("Namespace", "AWS/ApiGateway",
                    "MetricName", "5XXError", "Dimensions", Match.arrayWith(List.of(
                        Map.of("Name", "Stage", "Value", "prod"))))))))))))));
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Threshold", 0.0144,
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Id", "total", "MetricStat", Match.objectLike(Map.of(
                "Stat", "Sum", "Metric", Match.objectLike(Map.of("MetricName", "Count")))))))))));
  }

  @Test
  @DisplayName("each window's composite alarm ANDs its long- and short-window alarms")
  void compositeAndsWindows() {
    template.resourceCountIs("AWS::CloudWatch::CompositeAlarm", 3 + 1 + 3);
    String rule = template.toJSON().toString();
    BurnRateAlarm fast = window(availability, 0);
    assertThat(fast.composite()).isNotNull();
    template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Match.objectLike(Map.of(
        "AlarmRule", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
            "(ALARM(\"", "\") AND ALARM(\"", "\"))")))))));
    assertThat(rule).isNotEmpty();
  }

  @Test
  @DisplayName("page and ticket alarms are the composites, split by severity")
  void pageAndTicketSplit() {
    assertThat(availability.getPageAlarms()).containsExactly(window(availability, 0).composite(),
        window(availability, 1).composite());
    assertThat(availability.getTicketAlarms()).containsExactly(window(availability, 2).composite());
  }

  @Test
  @DisplayName("latency SLO: share of requests above 300 ms, from the trimmed count TC(:300) of Latency")
  void latencyIndicator() {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Expression", "IF(total > 0, 1 - FILL(fast, 0) / total, 0)")),
            Match.objectLike(Map.of("Id", "fast", "MetricStat", Match.objectLike(Map.of(
                "Stat", "TC(:300)", "Metric", Match.objectLike(Map.of("MetricName", "Latency")))))))))));
  }

  @Test
  @DisplayName("custom window: 5 % of a 30-day budget in 2 h is 18 x, at 99 % an error ratio of 18 %")
  void customWindowDerived() {
    assertThat(window(latency, 0).burnRate()).isEqualTo(18.0);
    assertThat(window(latency, 0).errorRatioThreshold()).isEqualTo(0.18);
    assertThat(latency.getTicketAlarms()).isEmpty();
  }

  @Test
  @DisplayName("the period changes the thresholds: 28 days makes the fast window 13.44 x (0.02 x 672 h)")
  void periodDerived() {
    assertThat(window(fourWeeks, 0).burnRate()).isEqualTo(13.44);
    assertThat(window(fourWeeks, 0).errorRatioThreshold()).isEqualTo(0.0672);
  }

  @Test
  @DisplayName("delivery SLO: DLQ depth rise over messages sent to the queue")
  void deliveryIndicator() {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Metrics", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Expression", "IF(sent > 0, (FILL(dlqMax, 0) - FILL(dlqMin, 0)) / sent, 0)")),
            Match.objectLike(Map.of("Id", "sent", "MetricStat", Match.objectLike(Map.of(
                "Stat", "Sum", "Metric", Match.objectLike(Map.of("MetricName", "NumberOfMessagesSent")))))))))));
  }

  @Test
  @DisplayName("error budget remaining uses a plain decimal budget in its expression (99.5 % -> 0.005)")
  void budgetExpression() {
    assertThat(fourWeeks.errorBudgetRemaining().getExpression()).isEqualTo("100 * (1 - ratio / 0.005)");
    assertThat(availability.errorBudgetRemaining().getExpression()).isEqualTo("100 * (1 - ratio / 0.001)");
  }

  @Test
  @DisplayName("an API indicator refuses a stage token: it would put the alarms inside the API's dependency graph")
  void stageTokenRefused() {
    Stack other = new Stack(new App(), "Other");
    RestApi api = RestApi.Builder.create(other, "Api").build();
    api.getRoot().addMethod("GET", MockIntegration.Builder.create().build());
    assertThatThrownBy(() -> ServiceLevelIndicator.apiAvailability(api, api.getDeploymentStage().getStageName()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("literal name");
  }

  @Test
  @DisplayName("invalid props: every problem at once, each naming its prop")
  void invalidPropsAllAtOnce() {
    assertThatThrownBy(() -> ServiceLevelObjectiveProps.builder()
        .name("bad name")
        .objectivePercent(100)
        .period(Duration.hours(2))
        .build())
        .isInstanceOf(InvalidServiceLevelObjectiveException.class)
        .hasMessageContaining("name must be")
        .hasMessageContaining("indicator is required")
        .hasMessageContaining("objectivePercent must be above 0 and below 100")
        .hasMessageContaining("period must be whole minutes between 1 and 90 days");
  }

  @Test
  @DisplayName("invalid windows: too long for CloudWatch, short not shorter, or a threshold above 100 %")
  void invalidWindows() {
    assertThatThrownBy(() -> ServiceLevelObjectiveProps.builder()
        .name("Bad")
        .indicator(availability.getProps().indicator())
        .objectivePercent(90)
        .windows(List.of(
            new BurnRateWindow(Duration.days(8), Duration.hours(1), 0.1, Severity.TICKET),
            new BurnRateWindow(Duration.hours(1), Duration.hours(1), 0.02, Severity.PAGE),
            new BurnRateWindow(Duration.minutes(5), Duration.minutes(1), 0.5, Severity.PAGE)))
        .build())
        .hasMessageContaining("the long window must be whole minutes, at most 7 days")
        .hasMessageContaining("the short window must be whole minutes, shorter than the long window")
        .hasMessageContaining("can never be reached");
  }
}
