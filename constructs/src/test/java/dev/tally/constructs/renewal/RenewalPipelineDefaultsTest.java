package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@DisplayName("RenewalPipeline with default props")
class RenewalPipelineDefaultsTest {

  private static RenewalPipeline pipeline;
  private static Template template;

  @BeforeAll
  static void synthesize() {
    Stack stack = PipelineFixtures.newStack();
    pipeline = new RenewalPipeline(stack, "Renewals", PipelineFixtures.minimalProps().build());
    template = Template.fromStack(stack);
  }

  private static void function(String handler, Map<String, Object> properties) {
    Map<String, Object> expected = new java.util.HashMap<>(properties);
    expected.put("Handler", handler);
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(expected));
  }

  @Test
  @DisplayName("all six functions (four handlers, two pre-traffic hooks) run java21 on arm64, X-Ray, JSON logs")
  void functionsRunJava21OnArm64() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Runtime", "java21",
        "Architectures", List.of("arm64"),
        "TracingConfig", Map.of("Mode", "Active"),
        "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON", "LogGroup", Match.anyValue())))), 6);
  }

  @Test
  @DisplayName("ingest: its handler, 512 MB, 10 s, only QUEUE_URL in its environment")
  void ingestFunction() {
    function(RenewalPipeline.INGEST_HANDLER, Map.of("MemorySize", 512, "Timeout", 10,
        "Environment", Map.of("Variables", Match.objectEquals(Map.of("QUEUE_URL", Match.anyValue())))));
  }

  @Test
  @DisplayName("worker: its handler, 1024 MB, 30 s, only TABLE_NAME, concurrency reserved at the drain rate")
  void workerFunction() {
    function(RenewalPipeline.WORKER_HANDLER, Map.of("MemorySize", 1024, "Timeout", 30,
        "ReservedConcurrentExecutions", 10,
        "Environment", Map.of("Variables", Match.objectEquals(Map.of("TABLE_NAME", Match.anyValue())))));
  }

  @Test
  @DisplayName("notifier: its handler, 512 MB, 30 s, only TOPIC_ARN")
  void notifierFunction() {
    function(RenewalPipeline.NOTIFIER_HANDLER, Map.of("MemorySize", 512, "Timeout", 30,
        "Environment", Map.of("Variables", Match.objectEquals(Map.of("TOPIC_ARN", Match.anyValue())))));
  }

  @Test
  @DisplayName("balance: its handler, 1024 MB, 5 s, only TABLE_NAME, and no SnapStart (provisioned concurrency)")
  void balanceFunction() {
    function(RenewalPipeline.BALANCE_HANDLER, Map.of("MemorySize", 1024, "Timeout", 5,
        "SnapStart", Match.absent(),
        "Environment", Map.of("Variables", Match.objectEquals(Map.of("TABLE_NAME", Match.anyValue())))));
  }

  @Test
  @DisplayName("ingest, worker and notifier use SnapStart on published versions; balance does not")
  void snapStart() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
        "SnapStart", Map.of("ApplyOn", "PublishedVersions"))), 3);
  }

  @Test
  @DisplayName("every function has a 'live' alias, and every event source mapping invokes an alias")
  void liveAliases() {
    template.resourcePropertiesCountIs("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")), 4);
    assertThat(mappingTarget(logicalId(pipeline.getQueue()))).contains(":live")
        .containsAnyOf(logicalId(pipeline.getWorkerFunction()), logicalId(pipeline.getWorkerAlias()));
    assertThat(mappingTarget(logicalId(pipeline.getTable()))).contains(":live")
        .containsAnyOf(logicalId(pipeline.getNotifierFunction()), logicalId(pipeline.getNotifierAlias()));
  }

  /** The FunctionName (as JSON text) of the event source mapping reading from {@code sourceLogicalId}. */
  private static String mappingTarget(String sourceLogicalId) {
    return template.findResources("AWS::Lambda::EventSourceMapping").values().stream()
        .filter(esm -> properties(esm).get("EventSourceArn").toString().contains(sourceLogicalId))
        .map(esm -> properties(esm).get("FunctionName").toString())
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("POST /renewals invokes the ingest alias")
  void postMethodUsesIngestAlias() {
    template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
        "HttpMethod", "POST",
        "Integration", Match.objectLike(Map.of("Uri", Map.of("Fn::Join", List.of("", Match.arrayWith(
            List.of(Map.of("Ref", logicalId(pipeline.getIngestAlias())))))))))));
  }

  @Test
  @DisplayName("every function sends failed asynchronous invocations to the failure queue")
  void functionsHaveDeadLetterQueue() {
    template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
        "DeadLetterConfig", Map.of("TargetArn", Map.of("Fn::GetAtt", List.of(
            logicalId(pipeline.getFailureQueue()), "Arn"))))), 6);
  }

  @Test
  @DisplayName("no role carries an AWS managed policy (AwsSolutions-IAM4 avoided, not suppressed)")
  void rolesHaveNoManagedPolicies() {
    Map<String, Map<String, Object>> roles = template.findResources("AWS::IAM::Role");
    assertThat(roles).hasSize(9);   // 6 functions, 2 CodeDeploy deployment roles, the API Gateway account role
    roles.forEach((id, role) -> assertThat(properties(role)).as(id).doesNotContainKey("ManagedPolicyArns"));
  }

  @Test
  @DisplayName("each function may write only to its own log group")
  void logPermissionsAreScopedToOwnLogGroup() {
    template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
        "Roles", List.of(Map.of("Ref", logicalId(pipeline.getIngestFunction().getRole()))),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            "Resource", Map.of("Fn::GetAtt", List.of(
                logicalId(pipeline.getIngestFunction().getLogGroup()), "Arn"))))))))));
  }

  @Test
  @DisplayName("log groups keep one month and are destroyed with a non-production stack")
  void logGroupsRetainOneMonth() {
    template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)), 7);
    template.resourceCountIs("AWS::Logs::LogGroup", 7);
    template.allResources("AWS::Logs::LogGroup", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
  }

  @Test
  @DisplayName("the worker drains the queue: batch 10, 2 s window, partial batch failures, max concurrency 10")
  void workerEventSource() {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "EventSourceArn", Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getQueue()), "Arn")),
        "BatchSize", 10,
        "MaximumBatchingWindowInSeconds", 2,
        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
        "ScalingConfig", Map.of("MaximumConcurrency", 10))));
  }

  @Test
  @DisplayName("the buffer queue: visibility 6 x worker timeout + batching window, 14 days, SSE-SQS, DLQ after 5 receives")
  void bufferQueue() {
    template.hasResourceProperties("AWS::SQS::Queue", Match.objectEquals(Map.of(
        "VisibilityTimeout", 182,
        "MessageRetentionPeriod", 1_209_600,
        "SqsManagedSseEnabled", true,
        "RedrivePolicy", Map.of(
            "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getDeadLetterQueue()), "Arn")),
            "maxReceiveCount", 5))));
  }

  @Test
  @DisplayName("all three queues are encrypted and deny requests without TLS")
  void queuesAreEncryptedAndTlsOnly() {
    template.resourcePropertiesCountIs("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)), 3);
    template.resourcePropertiesCountIs("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument",
        Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))), 3);
  }

  @Test
  @DisplayName("the table: on-demand, PITR, AWS-managed encryption, NEW_AND_OLD_IMAGES stream, pk/sk keys, TTL")
  void table() {
    template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "BillingMode", "PAY_PER_REQUEST",
        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
        "SSESpecification", Map.of("SSEEnabled", true),
        "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
        "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
        "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
            Map.of("AttributeName", "sk", "KeyType", "RANGE")))));
  }

  @Test
  @DisplayName("outside production the table is destroyed with the stack and has no deletion protection")
  void tableIsDisposableByDefault() {
    template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "DeletionPolicy", "Delete",
        "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", false)))));
  }

  @Test
  @DisplayName("the notifier reads the stream with bisect, 3 retries, 1 h max age and the failure queue on failure")
  void notifierEventSource() {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "EventSourceArn", Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getTable()), "StreamArn")),
        "StartingPosition", "TRIM_HORIZON",
        "BisectBatchOnFunctionError", true,
        "MaximumRetryAttempts", 3,
        "MaximumRecordAgeInSeconds", 3600,
        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
        "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
            Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getFailureQueue()), "Arn")))))));
  }

  @Test
  @DisplayName("the notifier sees only renewals that became CREDITED (insert, or modify from another status)")
  void notifierFilters() throws Exception {
    List<JsonNode> patterns = new ArrayList<>();
    template.findResources("AWS::Lambda::EventSourceMapping").values().forEach(esm -> {
      Object criteria = properties(esm).get("FilterCriteria");
      if (criteria != null) {
        for (Object filter : (List<?>) ((Map<?, ?>) criteria).get("Filters")) {
          patterns.add(readJson((String) ((Map<?, ?>) filter).get("Pattern")));
        }
      }
    });
    assertThat(patterns).hasSize(2);
    JsonNode insert = patterns.stream().filter(p -> p.at("/eventName/0").asText().equals("INSERT")).findFirst()
        .orElseThrow();
    assertThat(insert.at("/dynamodb/NewImage/status/S/0").asText()).isEqualTo("CREDITED");
    assertThat(insert.at("/dynamodb/NewImage/sk/S/0/prefix").asText()).isEqualTo("RENEWAL#");
    JsonNode modify = patterns.stream().filter(p -> p.at("/eventName/0").asText().equals("MODIFY")).findFirst()
        .orElseThrow();
    assertThat(modify.at("/dynamodb/NewImage/status/S/0").asText()).isEqualTo("CREDITED");
    assertThat(modify.at("/dynamodb/OldImage/status/S/0/anything-but/0").asText()).isEqualTo("CREDITED");
  }

  @Test
  @DisplayName("the topic is encrypted with the AWS-managed SNS key, TLS-only, and has no subscribers")
  void topic() {
    template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId",
        Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(Match.stringLikeRegexp(".*:alias/aws/sns"))))))));
    template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
        Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    template.resourceCountIs("AWS::SNS::Subscription", 0);
  }

  @Test
  @DisplayName("the worker may only get, put and update single items of the table: no query, scan, batch or delete")
  void workerWritesOnly() {
    List<String> dynamoActions = actionsOfRole(logicalId(pipeline.getWorkerFunction().getRole())).stream()
        .filter(action -> action.startsWith("dynamodb:")).sorted().toList();
    assertThat(dynamoActions).containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
  }

  /** Every IAM action granted to a role through the template's AWS::IAM::Policy resources. */
  @SuppressWarnings("unchecked")
  private List<String> actionsOfRole(String roleLogicalId) {
    List<String> actions = new java.util.ArrayList<>();
    for (Object resource : template.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
      if (!properties.get("Roles").toString().contains(roleLogicalId)) {
        continue;
      }
      Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
      for (Object statement : (List<Object>) document.get("Statement")) {
        Object action = ((Map<String, Object>) statement).get("Action");
        if (action instanceof List<?> list) {
          list.forEach(a -> actions.add(a.toString()));
        } else {
          actions.add(action.toString());
        }
      }
    }
    return actions;
  }

  @Test
  @DisplayName("the notifier may publish to the topic only")
  void notifierPublishesToTopic() {
    template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
        "Roles", List.of(Map.of("Ref", logicalId(pipeline.getNotifierFunction().getRole()))),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", "sns:Publish", "Resource", Map.of("Ref", logicalId(pipeline.getTopic()))))))))));
  }

  @Test
  @DisplayName("balance alias 'live' scales 0..5 provisioned concurrency: up on the 29th (27 Feb) 22:00, down on the 3rd")
  void balanceWindowSchedule() {
    template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 0,
        "MaxCapacity", 5,
        "ScalableDimension", "lambda:function:ProvisionedConcurrency",
        "ScheduledActions", List.of(
            Map.of("ScheduledActionName", "WindowOpens",
                "Schedule", "cron(0 22 29 1,3,4,5,6,7,8,9,10,11,12 ? *)",
                "ScalableTargetAction", Map.of("MinCapacity", 5, "MaxCapacity", 5)),
            Map.of("ScheduledActionName", "WindowOpens2",
                "Schedule", "cron(0 22 27 2 ? *)",
                "ScalableTargetAction", Map.of("MinCapacity", 5, "MaxCapacity", 5)),
            Map.of("ScheduledActionName", "WindowCloses",
                "Schedule", "cron(0 0 3 * ? *)",
                "ScalableTargetAction", Map.of("MinCapacity", 0, "MaxCapacity", 0))))));
  }

  @Test
  @DisplayName("the stage: X-Ray, INFO execution logs without bodies, metrics, throttling 200 rps / 400 burst")
  void stage() {
    template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
        "StageName", "v1",
        "TracingEnabled", true,
        "MethodSettings", List.of(Map.of(
            "HttpMethod", "*", "ResourcePath", "/*",
            "LoggingLevel", "INFO", "DataTraceEnabled", false, "MetricsEnabled", true,
            "ThrottlingRateLimit", 200, "ThrottlingBurstLimit", 400)))));
  }

  @Test
  @DisplayName("the stage writes JSON access logs to a log group with retention")
  void accessLogs() throws Exception {
    Map<String, Map<String, Object>> stages = template.findResources("AWS::ApiGateway::Stage");
    Map<?, ?> setting = (Map<?, ?>) properties(stages.values().iterator().next()).get("AccessLogSetting");
    JsonNode format = readJson((String) setting.get("Format"));
    assertThat(format.has("requestId")).isTrue();
    assertThat(format.has("status")).isTrue();
  }

  @Test
  @DisplayName("both methods require IAM (SigV4) authorization")
  void methodsUseIam() {
    template.resourcePropertiesCountIs("AWS::ApiGateway::Method",
        Match.objectLike(Map.of("AuthorizationType", "AWS_IAM")), 2);
  }

  @Test
  @DisplayName("POST /renewals validates the body model and requires the Idempotency-Key header")
  void postRenewalsIsValidated() {
    template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
        "HttpMethod", "POST",
        "RequestParameters", Map.of("method.request.header.Idempotency-Key", true),
        "RequestValidatorId", Match.anyValue(),
        "RequestModels", Map.of("application/json", Match.anyValue()))));
    template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of(
        "RestApiId", Match.anyValue(), "Name", "body-and-parameters",
        "ValidateRequestBody", true, "ValidateRequestParameters", true));
  }

  @Test
  @DisplayName("the renewal model requires customerId and planId strings and allows other fields")
  void renewalModel() {
    template.hasResourceProperties("AWS::ApiGateway::Model", Match.objectLike(Map.of(
        "ContentType", "application/json",
        "Schema", Match.objectLike(Map.of(
            "type", "object",
            "required", List.of("customerId", "planId"),
            "additionalProperties", Match.absent(),
            "properties", Map.of(
                "customerId", Match.objectLike(Map.of("type", "string")),
                "planId", Match.objectLike(Map.of("type", "string"))))))));
  }

  @Test
  @DisplayName("GET /balance/{customerId} goes to the balance alias, not the bare function")
  void balanceMethodUsesAlias() {
    template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
        "HttpMethod", "GET",
        "RequestParameters", Map.of("method.request.path.customerId", true),
        "Integration", Match.objectLike(Map.of("Uri", Map.of("Fn::Join", List.of("", Match.arrayWith(
            List.of(Map.of("Ref", logicalId(pipeline.getBalanceAlias())))))))))));
  }

  @Test
  @DisplayName("the API Gateway account role is the construct's own, inline-policy and retained")
  void accountCloudWatchRole() {
    template.hasResource("AWS::ApiGateway::Account", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    template.hasResource("AWS::IAM::Role", Match.objectLike(Map.of(
        "DeletionPolicy", "Retain",
        "Properties", Match.objectLike(Map.of(
            "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                "Principal", Map.of("Service", "apigateway.amazonaws.com")))))),
            "Policies", List.of(Match.objectLike(Map.of("PolicyName", "ExecutionLogs"))))))));
  }

  @Test
  @DisplayName("twelve alarms without actions: queue depths, backlog age 15 min, errors, throttles, PC spillover")
  void alarms() {
    template.resourceCountIs("AWS::CloudWatch::Alarm", 12);
    assertThat(pipeline.getAlarms()).hasSize(12);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "ProvisionedConcurrencySpilloverInvocations",
        "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Resource", "Value", Match.anyValue()))),
        "Threshold", 0)));
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("AlarmActions", Match.anyValue())), 0);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "ApproximateNumberOfMessagesVisible",
        "Dimensions", List.of(Map.of("Name", "QueueName", "Value",
            Map.of("Fn::GetAtt", List.of(logicalId(pipeline.getDeadLetterQueue()), "QueueName")))),
        "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold")));
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "ApproximateAgeOfOldestMessage", "Threshold", 899)));
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("MetricName", "Errors")), 4);
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("MetricName", "Throttles")), 4);
  }

  @Test
  @DisplayName("no WAF web ACL is associated unless asked for")
  void noWebAcl() {
    template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
  }

  @Test
  @DisplayName("grant helpers: execute-api:Invoke on exactly one method and path, sns:Subscribe on the topic")
  void invokeGrants() {
    Stack stack = PipelineFixtures.newStack();
    RenewalPipeline granted = new RenewalPipeline(stack, "Renewals", PipelineFixtures.minimalProps().build());
    software.amazon.awscdk.services.iam.Role billing = roleIn(stack, "Billing");
    software.amazon.awscdk.services.iam.Role provisioning = roleIn(stack, "Provisioning");
    granted.grantSubmitRenewals(billing);
    granted.grantReadBalance(billing);
    granted.grantSubscribeCustomers(provisioning);
    Template synthesized = Template.fromStack(stack);
    String stage = "{Ref=" + logicalId(granted.getApi().getDeploymentStage()) + "}";
    assertThat(policyOf(synthesized, "BillingDefaultPolicy")).contains("execute-api:Invoke")
        .contains(stage + ", /POST/renewals]").contains(stage + ", /GET/balance/*]")
        .doesNotContain("sns:");
    assertThat(policyOf(synthesized, "ProvisioningDefaultPolicy"))
        .contains("Statement=[{Action=sns:Subscribe, Effect=Allow, Resource={Ref=" + logicalId(granted.getTopic())
            + "}}]");
  }

  private static software.amazon.awscdk.services.iam.Role roleIn(Stack stack, String id) {
    return software.amazon.awscdk.services.iam.Role.Builder.create(stack, id)
        .assumedBy(new software.amazon.awscdk.services.iam.AccountRootPrincipal()).build();
  }

  private static String policyOf(Template synthesized, String logicalIdPrefix) {
    return synthesized.findResources("AWS::IAM::Policy").entrySet().stream()
        .filter(e -> e.getKey().startsWith(logicalIdPrefix))
        .map(e -> e.getValue().toString()).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("getters expose every piece for composition")
  void gettersExposePieces() {
    assertThat(List.of(pipeline.getApi(), pipeline.getQueue(), pipeline.getDeadLetterQueue(),
        pipeline.getFailureQueue(), pipeline.getTable(), pipeline.getTopic(), pipeline.getIngestFunction(),
        pipeline.getWorkerFunction(), pipeline.getNotifierFunction(), pipeline.getBalanceFunction(),
        pipeline.getBalanceAlias(), pipeline.getIngestAlias(), pipeline.getWorkerAlias(),
        pipeline.getNotifierAlias(), pipeline.getProps())).doesNotContainNull();
    assertThat(pipeline.getBalanceAlias().getAliasName()).isEqualTo("live");
  }

  static String logicalId(software.constructs.IConstruct construct) {
    software.constructs.IConstruct resource = construct.getNode().getDefaultChild() != null
        ? construct.getNode().getDefaultChild() : construct;
    return Stack.of(construct).getLogicalId((software.amazon.awscdk.CfnElement) resource);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  static JsonNode readJson(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
