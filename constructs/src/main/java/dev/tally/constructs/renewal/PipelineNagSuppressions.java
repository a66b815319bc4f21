package dev.tally.constructs.renewal;

import dev.tally.constructs.compliance.DesignSuppression;
import dev.tally.constructs.compliance.DesignSuppressions;
import java.time.LocalDate;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.IConstruct;

/**
 * The only cdk-nag findings the pipeline does not fix, each intrinsic to the design, suppressed on the one resource
 * it concerns with the reason written down, an owner and an expiry ({@link DesignSuppressions}: the compliance gate
 * fails when one expires, goes stale or covers more than one resource). Everything else is made compliant instead.
 */
final class PipelineNagSuppressions {

  /** Who answers for these suppressions. */
  static final String OWNER = "platform-team";
  /** When they must be re-justified (at most a year ahead). */
  static final LocalDate EXPIRES = LocalDate.of(2027, 6, 30);

  private PipelineNagSuppressions() {}

  /** X-Ray writes and DynamoDB ListStreams have no resource-level permissions: {@code Resource::*} is the only scope. */
  static void unscopableActions(Function function, boolean readsTableStream) {
    String reason = "Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords"
        + (readsTableStream ? ", and the DynamoDB stream event source needs dynamodb:ListStreams," : ",")
        + " which support no resource-level permissions (Resource '*' is the only option); every other statement"
        + " is scoped to one resource.";
    // Serverless-IAMNoWildcardPermissions used to be suppressed here too; the gate's stale check showed it never
    // fires on these roles (it looks at actions, not resources), so it is gone.
    DesignSuppressions.add(function.getRole(),
        suppression("AwsSolutions-IAM5", reason).appliesTo("Resource::*"));
  }

  /** CloudWatch DescribeAlarms has no resource-level permissions; CodeDeploy polls the group's alarms with it. */
  static void describeAlarmsRole(IConstruct role) {
    String reason = "CodeDeploy reads the deployment group's alarms with cloudwatch:DescribeAlarms, which supports no"
        + " resource-level permissions (Resource '*' is the only option); alias updates and the hook invocation are"
        + " scoped to one function each. This replaces the AWS managed policy AWSCodeDeployRoleForLambdaLimited.";
    // No Serverless-IAMNoWildcardPermissions here either: the stale check shows it does not fire on this role.
    DesignSuppressions.add(role, suppression("AwsSolutions-IAM5", reason).appliesTo("Resource::*"));
  }

  /** A terminal dead-letter queue has nowhere further to redrive to. */
  static void terminalQueue(IConstruct queue) {
    DesignSuppressions.add(queue, suppression("Serverless-SQSRedrivePolicy",
        "This is a terminal dead-letter queue: its messages wait for an operator (alarmed on depth > 0);"
            + " redriving a DLQ into another DLQ only moves the problem."));
  }

  /** Lambda supports no OnFailure destination for SQS event sources; the queue's redrive policy plays that role. */
  static void sqsEventSourceWithoutDestination(IConstruct worker) {
    DesignSuppressions.add(worker, suppression("Serverless-LambdaEventSourceMappingDestination",
        "SQS event source mappings do not support DestinationConfig; failed messages reach the buffer"
            + " queue's dead-letter queue through its redrive policy (maxReceiveCount)."));
  }

  /** The API uses IAM (SigV4) or a non-Cognito authorizer on purpose: its caller is a back-end, not a person. */
  static void nonCognitoAuthorization(IConstruct api, AuthorizationType type) {
    // One suppression per method, so each covers exactly one resource.
    for (Method method : ((RestApi) api).getMethods()) {
      DesignSuppressions.add(method, suppression("AwsSolutions-COG4",
          "Methods are authorized with " + type + ": the caller is the ISP's billing back-end, a service"
              + " with an IAM identity rather than a Cognito user; pass a Cognito authorizer to change this."));
    }
  }

  /** java21 is pinned (LTS) even when the CDK knows a newer Java runtime. */
  static void pinnedLtsRuntime(Function function, Runtime runtime) {
    String reason = runtime + " is the LTS runtime the handlers are built and tested for (Lambda supports it into"
        + " 2029); choose a newer Java runtime with the runtime prop once the handlers are tested on it.";
    DesignSuppressions.add(function,
        suppression("AwsSolutions-L1", reason),
        suppression("Serverless-LambdaLatestVersion", reason));
  }

  /** API Gateway names its execution-log groups itself; the account role must reach all of them. */
  static void executionLogRole(IConstruct role) {
    DesignSuppressions.add(role, suppression("AwsSolutions-IAM5",
        "API Gateway writes execution logs to log groups it names API-Gateway-Execution-Logs_{apiId}/{stage}"
            + " for every API in the region; writes are scoped to that prefix, reads of group metadata to this"
            + " account and region. This replaces the AWS managed policy of the CDK default role."));
  }

  private static DesignSuppression suppression(String rule, String reason) {
    return DesignSuppression.of(rule, reason, OWNER, EXPIRES);
  }
}
