package dev.tally.constructs.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.renewal.RenewalPipelineProps;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.lambda.Code;

@DisplayName("RenewalOperations: SLOs, alarm routing, rollback alarms and the dashboard of a pipeline")
class RenewalOperationsTest {

  private static Stack stack;
  private static RenewalPipeline pipeline;
  private static AlarmTopics topics;
  private static RenewalOperations operations;
  private static Template template;
  private static Map<String, Object> templateJson;

  static Stack newStack() {
    return new Stack(new App(), "OpsStack", StackProps.builder()
        .env(Environment.builder().account("111122223333").region("eu-west-1").build())
        .build());
  }

  static RenewalPipeline pipelineIn(Stack stack, boolean production) {
    return new RenewalPipeline(stack, "Renewals", RenewalPipelineProps.builder()
        .functionCode(Code.fromAsset("src/test/resources/placeholder-function"))
        .production(production)
        .build());
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void synthesize() {
    stack = newStack();
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Aspects.of(stack).add(new ServerlessChecks());
    pipeline = pipelineIn(stack, true);
    topics = new AlarmTopics(stack, "Alarms", AlarmTopicsProps.builder()
        .pageSubscribers(List.of("oncall@isp.example", "https://chat.isp.example/hooks/page"))
        .ticketSubscribers(List.of("platform@isp.example"))
        .deliveryFailureQueue(pipeline.getFailureQueue())
        .production(true)
        .build());
    operations = new RenewalOperations(stack, "Operations", RenewalOperationsProps.builder()
        .pipeline(pipeline)
        .alarmTopics(topics)
        .dashboardName("tally-test-renewal")
        .build());
    template = Template.fromStack(stack);
    templateJson = (Map<String, Object>) template.toJSON();
  }

  private static String ref(Object construct) {
    return stack.getLogicalId((software.amazon.awscdk.CfnElement)
        ((software.constructs.IConstruct) construct).getNode().getDefaultChild());
  }

  @Test
  @DisplayName("THE GATE: pipeline, topics, SLOs, deployments and dashboard have no AwsSolutions or Serverless error")
  void nagClean() {
    String errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*")).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("every alarm of the stack notifies a topic or feeds a composite that does")
  void everyAlarmRouted() {
    assertThat(AlarmRoutingAudit.unroutedAlarms(templateJson)).isEmpty();
  }

  @Test
  @DisplayName("the routing audit catches an alarm that tells nobody")
  void auditCatchesUnroutedAlarm() {
    Stack other = newStack();
    Alarm lonely = Alarm.Builder.create(other, "Lonely")
        .metric(Metric.Builder.create().namespace("Tally").metricName("Anything").build())
        .threshold(1).evaluationPeriods(1).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Template.fromStack(other).toJSON();
    assertThat(AlarmRoutingAudit.unroutedAlarms(json)).containsExactly(other.resolve(
        ((software.amazon.awscdk.CfnElement) lonely.getNode().getDefaultChild()).getLogicalId()).toString());
  }

  @Test
  @DisplayName("the SLO fast-burn composites page: 2 windows x 3 SLOs on the page topic")
  void fastBurnPages() {
    template.resourcePropertiesCountIs("AWS::CloudWatch::CompositeAlarm", Match.objectLike(Map.of(
        "AlarmActions", List.of(Map.of("Ref", ref(topics.getPageTopic()))))), 6);
  }

  @Test
  @DisplayName("the slow-burn composites and all 12 threshold alarms of the pipeline open tickets")
  void slowBurnAndThresholdsTicket() {
    template.resourcePropertiesCountIs("AWS::CloudWatch::CompositeAlarm", Match.objectLike(Map.of(
        "AlarmActions", List.of(Map.of("Ref", ref(topics.getTicketTopic()))))), 3);
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "AlarmActions", List.of(Map.of("Ref", ref(topics.getTicketTopic()))),
        "OKActions", List.of(Map.of("Ref", ref(topics.getTicketTopic()))))), 12);
  }

  @Test
  @DisplayName("the per-window inputs of the composites notify nobody (one incident, one page)")
  void windowAlarmsHaveNoActions() {
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "AlarmActions", Match.absent(), "Metrics", Match.anyValue())), 18);
  }

  @Test
  @DisplayName("both topics are encrypted with one rotating customer-managed key that CloudWatch may use")
  void topicsEncryptedWithCloudWatchKey() {
    template.resourcePropertiesCountIs("AWS::SNS::Topic", Match.objectLike(Map.of(
        "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(ref(topics.getKey()), "Arn")))), 2);
    template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
        "EnableKeyRotation", true,
        "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
            "Action", Match.arrayWith(List.of("kms:Decrypt", "kms:GenerateDataKey*")))))))))));
  }

  @Test
  @DisplayName("both alarm topics refuse anything but TLS")
  void topicsTlsOnly() {
    for (Object topic : List.of(topics.getPageTopic(), topics.getTicketTopic())) {
      template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of(
          "Topics", List.of(Map.of("Ref", ref(topic))),
          "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
              "Effect", "Deny",
              "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }
  }

  @Test
  @DisplayName("subscriptions: e-mail and HTTPS endpoints, each with the failure queue as redrive target")
  void subscriptionsWithRedrive() {
    template.resourcePropertiesCountIs("AWS::SNS::Subscription", Match.objectLike(Map.of(
        "Protocol", "email", "RedrivePolicy", Match.anyValue())), 2);
    template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
        "Protocol", "https", "Endpoint", "https://chat.isp.example/hooks/page",
        "TopicArn", Map.of("Ref", ref(topics.getPageTopic())))));
  }

  @Test
  @DisplayName("deployment groups roll back on the function's errors alarm and the API SLOs' paging window alarms")
  void deploymentsRollBackOnSloAlarms() {
    // errors alarm + 2 API SLOs x 2 paging windows x (long + short window alarm)
    template.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
        "AlarmConfiguration", Match.objectLike(Map.of("Enabled", true, "Alarms", Match.anyValue())))), 2);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> groups = (Map<String, Map<String, Object>>) (Object)
        template.findResources("AWS::CodeDeploy::DeploymentGroup");
    for (Map<String, Object> group : groups.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> alarmConfig = (Map<String, Object>)
          ((Map<String, Object>) group.get("Properties")).get("AlarmConfiguration");
      assertThat((List<?>) alarmConfig.get("Alarms")).hasSize(9);
    }
  }

  private static String dashboardBody() {
    Object body = ((Map<?, ?>) ((Map<?, ?>) template.findResources("AWS::CloudWatch::Dashboard")
        .values().iterator().next()).get("Properties")).get("DashboardBody");
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("the dashboard shows the golden signals and each SLO's error budget remaining")
  void dashboardWidgets() {
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "tally-test-renewal"));
    String body = dashboardBody();
    assertThat(body).contains("Requests", "Errors", "p99 latency", "Queue depth and oldest message",
        "Drain rate", "workerMaxConcurrency", "Dead-letter and failure queues", "Throttles",
        "ProvisionedConcurrencyUtilization", "ProvisionedConcurrencySpilloverInvocations",
        "ApiAvailability: error budget remaining", "ApiLatency: error budget remaining",
        "RenewalDelivery: error budget remaining");
  }

  @Test
  @DisplayName("the error budget tile computes 100 x (1 - ratio / budget) over the SLO's 30-day period")
  void errorBudgetExpression() {
    String body = dashboardBody();
    assertThat(body).contains("100 * (1 - ratio / 0.001", "-PT720H");
  }

  @Test
  @DisplayName("more paging windows than CodeDeploy's 10 rollback alarms allow are refused with the limit named")
  void tooManyPagingWindows() {
    Stack other = newStack();
    RenewalPipeline otherPipeline = pipelineIn(other, false);
    AlarmTopics otherTopics = new AlarmTopics(other, "Alarms", AlarmTopicsProps.builder()
        .deliveryFailureQueue(otherPipeline.getFailureQueue()).build());
    List<dev.tally.constructs.slo.BurnRateWindow> windows = List.of(
        new dev.tally.constructs.slo.BurnRateWindow(software.amazon.awscdk.Duration.hours(1),
            software.amazon.awscdk.Duration.minutes(5), 0.02, dev.tally.constructs.slo.Severity.PAGE),
        new dev.tally.constructs.slo.BurnRateWindow(software.amazon.awscdk.Duration.hours(3),
            software.amazon.awscdk.Duration.minutes(15), 0.03, dev.tally.constructs.slo.Severity.PAGE),
        new dev.tally.constructs.slo.BurnRateWindow(software.amazon.awscdk.Duration.hours(6),
            software.amazon.awscdk.Duration.minutes(30), 0.05, dev.tally.constructs.slo.Severity.PAGE));
    assertThatThrownBy(() -> new RenewalOperations(other, "Operations", RenewalOperationsProps.builder()
        .pipeline(otherPipeline).alarmTopics(otherTopics).dashboardName("x").windows(windows).build()))
        .hasMessageContaining("13 rollback alarms").hasMessageContaining("at most 10");
  }

  @Test
  @DisplayName("invalid props are reported together, each naming its prop")
  void invalidPropsReported() {
    assertThatThrownBy(() -> RenewalOperationsProps.builder().dashboardName("bad name").build())
        .hasMessageContaining("pipeline is required").hasMessageContaining("alarmTopics is required")
        .hasMessageContaining("dashboardName must be");
    assertThatThrownBy(() -> AlarmTopicsProps.builder().pageSubscribers(List.of("not-an-address")).build())
        .hasMessageContaining("pageSubscribers entry must be an e-mail address")
        .hasMessageContaining("deliveryFailureQueue is required");
  }
}
