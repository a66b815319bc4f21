package dev.tally.constructs.renewal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.IConstruct;

/**
 * The only cdk-nag findings the pipeline does not fix, each intrinsic to the design, suppressed on the one resource
 * it concerns with the reason written down. Everything else is made compliant instead.
 */
final class PipelineNagSuppressions {

  private PipelineNagSuppressions() {}

  /** X-Ray writes and DynamoDB ListStreams have no resource-level permissions: {@code Resource::*} is the only scope. */
  static void unscopableActions(Function function, boolean readsTableStream) {
    String reason = "Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords"
        + (readsTableStream ? ", and the DynamoDB stream event source needs dynamodb:ListStreams," : ",")
        + " which support no resource-level permissions (Resource '*' is the only option); every other statement"
        + " is scoped to one resource.";
    NagSuppressions.addResourceSuppressions(function.getRole(), List.of(
        suppression("AwsSolutions-IAM5", reason, "Resource::*"),
        suppression("Serverless-IAMNoWildcardPermissions", reason, "Resource::*")), true);
  }

  /** CloudWatch DescribeAlarms has no resource-level permissions; CodeDeploy polls the group's alarms with it. */
  static void describeAlarmsRole(IConstruct role) {
    String reason = "CodeDeploy reads the deployment group's alarms with cloudwatch:DescribeAlarms, which supports no"
        + " resource-level permissions (Resource '*' is the only option); alias updates and the hook invocation are"
        + " scoped to one function each. This replaces the AWS managed policy AWSCodeDeployRoleForLambdaLimited.";
    NagSuppressions.addResourceSuppressions(role, List.of(
        suppression("AwsSolutions-IAM5", reason, "Resource::*"),
        suppression("Serverless-IAMNoWildcardPermissions", reason, "Resource::*")), true);
  }

  /** A terminal dead-letter queue has nowhere further to redrive to. */
  static void terminalQueue(IConstruct queue) {
    NagSuppressions.addResourceSuppressions(queue, List.of(NagPackSuppression.builder()
        .id("Serverless-SQSRedrivePolicy")
        .reason("This is a terminal dead-letter queue: its messages wait for an operator (alarmed on depth > 0);"
            + " redriving a DLQ into another DLQ only moves the problem.")
        .build()), true);
  }

  /** Lambda supports no OnFailure destination for SQS event sources; the queue's redrive policy plays that role. */
  static void sqsEventSourceWithoutDestination(IConstruct worker) {
    NagSuppressions.addResourceSuppressions(worker, List.of(NagPackSuppression.builder()
        .id("Serverless-LambdaEventSourceMappingDestination")
        .reason("SQS event source mappings do not support DestinationConfig; failed messages reach the buffer"
            + " queue's dead-letter queue through its redrive policy (maxReceiveCount).")
        .build()), true);
  }

  /** The API uses IAM (SigV4) or a non-Cognito authorizer on purpose: its caller is a back-end, not a person. */
  static void nonCognitoAuthorization(IConstruct api, AuthorizationType type) {
    NagSuppressions.addResourceSuppressions(api, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-COG4")
        .reason("Methods are authorized with " + type + ": the caller is the ISP's billing back-end, a service"
            + " with an IAM identity rather than a Cognito user; pass a Cognito authorizer to change this.")
        .build()), true);
  }

  /** java21 is pinned (LTS) even when the CDK knows a newer Java runtime. */
  static void pinnedLtsRuntime(Function function, Runtime runtime) {
    String reason = runtime + " is the LTS runtime the handlers are built and tested for (Lambda supports it into"
        + " 2029); choose a newer Java runtime with the runtime prop once the handlers are tested on it.";
    NagSuppressions.addResourceSuppressions(function, List.of(
        suppression("AwsSolutions-L1", reason, null),
        suppression("Serverless-LambdaLatestVersion", reason, null)), true);
  }

  /** API Gateway names its execution-log groups itself; the account role must reach all of them. */
  static void executionLogRole(IConstruct role) {
    NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-IAM5")
        .reason("API Gateway writes execution logs to log groups it names API-Gateway-Execution-Logs_{apiId}/{stage}"
            + " for every API in the region; writes are scoped to that prefix, reads of group metadata to this"
            + " account and region. This replaces the AWS managed policy of the CDK default role.")
        .build()), true);
  }

  private static NagPackSuppression suppression(String id, String reason, String appliesTo) {
    NagPackSuppression.Builder b = NagPackSuppression.builder().id(id).reason(reason);
    if (appliesTo != null) {
      b.appliesTo(List.of(appliesTo));
    }
    return b.build();
  }
}
