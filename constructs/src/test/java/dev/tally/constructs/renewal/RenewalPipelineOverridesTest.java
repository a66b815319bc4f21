package dev.tally.constructs.renewal;

import static dev.tally.constructs.renewal.RenewalPipelineDefaultsTest.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;

/** Every prop set away from its default, in one synthesized stack. */
@DisplayName("RenewalPipeline with every prop overridden")
class RenewalPipelineOverridesTest {

  static final String WEB_ACL =
      "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/renewals/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

  private static RenewalPipeline pipeline;
  private static Template template;
  private static Topic alarmTopic;
  private static Key tableKey;
  private static Stack stack;

  @BeforeAll
  static void synthesize() {
    stack = PipelineFixtures.newStack();
    alarmTopic = new Topic(stack, "OpsAlarms");
    tableKey = Key.Builder.create(stack, "TableKey").enableKeyRotation(true).build();
    UserPool pool = new UserPool(stack, "Pool");
    CognitoUserPoolsAuthorizer authorizer = CognitoUserPoolsAuthorizer.Builder.create(stack, "Authorizer")
        .cognitoUserPools(List.of(pool)).build();
    pipeline = RenewalPipeline.Builder.create(stack, "Renewals")
        .functionCode(PipelineFixtures.placeholderCode())
        .runtime(Runtime.JAVA_25)
        .production(true)
        .snapStart(false)
        .apiAuthorizer(authorizer)
        .apiStageName("live_2")
        .apiThrottlingRateLimit(50)
        .apiThrottlingBurstLimit(80)
        .apiGatewayCloudWatchRole(false)
        .apiWebAclArn(WEB_ACL)
        .logRetention(RetentionDays.ONE_WEEK)
        .ingestMemorySize(256)
        .ingestTimeout(Duration.seconds(20))
        .workerMemorySize(2048)
        .workerTimeout(Duration.seconds(60))
        .workerBatchSize(100)
        .workerMaxBatchingWindow(Duration.seconds(5))
        .workerMaxConcurrency(50)
        .reserveWorkerConcurrency(false)
        .queueVisibilityTimeout(Duration.minutes(10))
        .queueRetentionPeriod(Duration.days(4))
        .maxReceiveCount(3)
        .oldestMessageAgeAlarmThreshold(Duration.minutes(5))
        .notifierMemorySize(768)
        .notifierTimeout(Duration.seconds(45))
        .notifierBatchSize(50)
        .notifierRetryAttempts(5)
        .notifierMaxRecordAge(Duration.hours(2))
        .balanceMemorySize(1536)
        .balanceTimeout(Duration.seconds(8))
        .balanceProvisionedConcurrency(20)
        .renewalWindowStartDay(31)
        .renewalWindowEndDay(3)
        .renewalWindowLeadHours(6)
        .tableEncryptionKey(tableKey)
        .smsSubscribers(List.of("+15555550100", "+447700900123"))
        .alarmTopic(alarmTopic)
        .build();
    template = Template.fromStack(stack);
  }

  private static void function(String handler, Map<String, Object> properties) {
    Map<String, Object> expected = new java.util.HashMap<>(properties);
    expected.put("Handler", handler);
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(expected));
  }

  @Test
  @DisplayName("Builder.create(scope, id) passes every prop through to the props")
  void builderIdiomKeepsProps() {
    assertThat(pipeline.getProps().workerMaxConcurrency()).isEqualTo(50);
    assertThat(pipeline.getProps().smsSubscribers()).containsExactly("+15555550100", "+447700900123");
  }

  @Test
  @DisplayName("runtime: every function runs java25")
  void runtime() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function",
        Match.objectLike(Map.of("Runtime", "java25")), 6);
  }

  @Test
  @DisplayName("snapStart=false: no function uses SnapStart, the aliases stay")
  void noSnapStart() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function",
        Match.objectLike(Map.of("SnapStart", Match.anyValue())), 0);
    template.resourceCountIs("AWS::Lambda::Alias", 4);
  }

  @Test
  @DisplayName("memory and timeout of each function follow their props")
  void memoryAndTimeouts() {
    function(RenewalPipeline.INGEST_HANDLER, Map.of("MemorySize", 256, "Timeout", 20));
    function(RenewalPipeline.WORKER_HANDLER, Map.of("MemorySize", 2048, "Timeout", 60));
    function(RenewalPipeline.NOTIFIER_HANDLER, Map.of("MemorySize", 768, "Timeout", 45));
    function(RenewalPipeline.BALANCE_HANDLER, Map.of("MemorySize", 1536, "Timeout", 8));
  }

  @Test
  @DisplayName("reserveWorkerConcurrency=false: no function reserves concurrency")
  void noReservedConcurrency() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function",
        Match.objectLike(Map.of("ReservedConcurrentExecutions", Match.anyValue())), 0);
  }

  @Test
  @DisplayName("worker batch size, batching window and drain rate follow their props")
  void workerEventSource() {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "BatchSize", 100, "MaximumBatchingWindowInSeconds", 5,
        "ScalingConfig", Map.of("MaximumConcurrency", 50))));
  }

  @Test
  @DisplayName("queue visibility, retention and maxReceiveCount follow their props; the DLQ still keeps 14 days")
  void queue() {
    template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
        "VisibilityTimeout", 600, "MessageRetentionPeriod", 345_600,
        "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3)))));
    // The dead-letter and failure queues keep the maximum whatever the buffer's retention.
    template.resourcePropertiesCountIs("AWS::SQS::Queue", Match.objectEquals(Map.of(
        "MessageRetentionPeriod", 1_209_600, "SqsManagedSseEnabled", true)), 2);
  }

  @Test
  @DisplayName("notifier batch size, retries and max record age follow their props")
  void notifierEventSource() {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "BatchSize", 50, "MaximumRetryAttempts", 5, "MaximumRecordAgeInSeconds", 7200)));
  }

  @Test
  @DisplayName("production: table retained with deletion protection, log groups retained")
  void production() {
    template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "DeletionPolicy", "Retain",
        "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", true)))));
    template.allResources("AWS::Logs::LogGroup", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
  }

  @Test
  @DisplayName("tableEncryptionKey: the table is encrypted with the customer-managed key")
  void tableKey() {
    template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS",
            "KMSMasterKeyId", Map.of("Fn::GetAtt", List.of(logicalId(tableKey), "Arn"))))));
  }

  @Test
  @DisplayName("logRetention: every log group keeps one week")
  void logRetention() {
    template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 7)), 7);
  }

  @Test
  @DisplayName("stage name and throttling follow their props")
  void stage() {
    template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
        "StageName", "live_2",
        "MethodSettings", List.of(Match.objectLike(Map.of(
            "ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 80))))));
  }

  @Test
  @DisplayName("apiAuthorizer: both methods use the Cognito authorizer (and COG4 is not suppressed)")
  void cognitoAuthorizer() {
    template.resourcePropertiesCountIs("AWS::ApiGateway::Method",
        Match.objectLike(Map.of("AuthorizationType", "COGNITO_USER_POOLS", "AuthorizerId", Match.anyValue())), 2);
    assertThat(template.toJSON().toString()).doesNotContain("AwsSolutions-COG4");
  }

  @Test
  @DisplayName("apiGatewayCloudWatchRole=false: the account setting is left alone")
  void noAccountRole() {
    template.resourceCountIs("AWS::ApiGateway::Account", 0);
    template.resourceCountIs("AWS::IAM::Role", 8);
  }

  @Test
  @DisplayName("apiWebAclArn: the web ACL is associated with the API stage")
  void webAcl() {
    template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
        "WebACLArn", WEB_ACL,
        "ResourceArn", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
            Map.of("Ref", logicalId(pipeline.getApi())), "/stages/", Map.of("Ref",
                logicalId(pipeline.getApi().getDeploymentStage()))))))))));
  }

  @Test
  @DisplayName("renewal window 31st-3rd with 6 h lead: opens per month length, closes on the 4th, capacity 20")
  void renewalWindow() {
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 0, "MaxCapacity", 20,
        "ScheduledActions", List.of(
            Match.objectLike(Map.of("Schedule", "cron(0 18 30 1,3,5,7,8,10,12 ? *)",
                "ScalableTargetAction", Map.of("MinCapacity", 20, "MaxCapacity", 20))),
            Match.objectLike(Map.of("Schedule", "cron(0 18 27 2 ? *)")),
            Match.objectLike(Map.of("Schedule", "cron(0 18 29 4,6,9,11 ? *)")),
            Match.objectLike(Map.of("Schedule", "cron(0 0 4 * ? *)",
                "ScalableTargetAction", Map.of("MinCapacity", 0, "MaxCapacity", 0)))))));
  }

  @Test
  @DisplayName("smsSubscribers: one SMS subscription each, with the failure queue as redrive target")
  void smsSubscribers() {
    for (String number : List.of("+15555550100", "+447700900123")) {
      template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
          "Protocol", "sms", "Endpoint", number,
          "TopicArn", Map.of("Ref", logicalId(pipeline.getTopic())),
          "RedrivePolicy", Map.of("deadLetterTargetArn",
              Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getFailureQueue()), "Arn"))))));
    }
  }

  @Test
  @DisplayName("alarmTopic: all twelve alarms notify it on ALARM and on OK; backlog threshold 5 min")
  void alarmActions() {
    Map<String, Object> action = Map.of("Ref", logicalId(alarmTopic));
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "AlarmActions", List.of(action), "OKActions", List.of(action))), 12);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "ApproximateAgeOfOldestMessage", "Threshold", 299)));
  }

  @Test
  @DisplayName("the fully customised pipeline is still free of nag errors")
  void customisedPipelineIsNagClean() {
    Stack checked = PipelineFixtures.stackWith(RenewalPipelineProps.builder()
        .functionCode(PipelineFixtures.placeholderCode())
        .runtime(Runtime.JAVA_25)
        .production(true)
        .workerBatchSize(100)
        .workerMaxBatchingWindow(Duration.seconds(5))
        .reserveWorkerConcurrency(false)
        .smsSubscribers(List.of("+15555550100"))
        .build(), s -> {
          Aspects.of(s).add(new AwsSolutionsChecks());
          Aspects.of(s).add(new ServerlessChecks());
        });
    assertThat(PipelineFixtures.nagErrors(checked)).as("nag errors").isEmpty();
  }
}
