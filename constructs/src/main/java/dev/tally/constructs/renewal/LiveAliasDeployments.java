package dev.tally.constructs.renewal;

import dev.tally.constructs.defaults.LambdaDefaults;
import dev.tally.constructs.renewal.PipelineFunctionFactory.FunctionSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * CodeDeploy for the user-facing {@code live} aliases (ingest and balance): every change of a function's code or
 * configuration publishes a version, and CodeDeploy — not CloudFormation — moves the alias to it, in the steps of
 * {@link RenewalPipelineProps#deploymentConfig()}, after a pre-traffic hook has invoked the new version once, and back
 * again if an alarm fires before the shift is complete.
 *
 * <p>Each deployment group gets its own role with inline statements only. The CDK always attaches the AWS managed
 * policy {@code AWSCodeDeployRoleForLambdaLimited} to a deployment group's role (AwsSolutions-IAM4); handing it the
 * role {@linkplain Role#withoutPolicyUpdates() without policy updates} keeps that policy (and the CDK's own grants)
 * off, so the statements below are the whole of what CodeDeploy may do.
 */
final class LiveAliasDeployments {

  /** Handler of the pre-traffic hooks. */
  static final String HOOK_HANDLER = "dev.tally.functions.deploy.PreTrafficHookHandler::handleRequest";

  /**
   * A request the ingest API rejects before touching the queue (no Idempotency-Key, no fields): a healthy new version
   * answers 400, a broken one errors or times out. Nothing is enqueued, so production is not touched.
   */
  static final String INGEST_PROBE = "{\"resource\":\"/renewals\",\"path\":\"/renewals\",\"httpMethod\":\"POST\","
      + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false}";
  /** A read of a customer that does not exist: 404 (or 200 should it ever exist) proves the table is reachable. */
  static final String BALANCE_PROBE = "{\"resource\":\"/balance/{customerId}\",\"path\":\"/balance/DEPLOY-PROBE\","
      + "\"httpMethod\":\"GET\",\"pathParameters\":{\"customerId\":\"DEPLOY-PROBE\"},\"isBase64Encoded\":false}";

  private final Construct scope;
  private final RenewalPipelineProps props;
  private final PipelineFunctionFactory functions;
  private final LambdaApplication application;

  LiveAliasDeployments(Construct scope, RenewalPipelineProps props, PipelineFunctionFactory functions) {
    this.scope = scope;
    this.props = props;
    this.functions = functions;
    this.application = LambdaApplication.Builder.create(scope, "DeploymentApplication").build();
  }

  /** A deployment group for {@code alias}, rolling back on {@code errorsAlarm} (more alarms may be added later). */
  LambdaDeploymentGroup create(String id, Function function, Alias alias, IAlarm errorsAlarm, String probe,
      String expectedStatusCodes) {
    Function hook = functions.create(new FunctionSpec(id + "PreTrafficHook", HOOK_HANDLER, 512, Duration.seconds(60),
        Map.of("TARGET_VERSION_ARN", function.getCurrentVersion().getFunctionArn(),
            "PROBE_EVENT", probe,
            "EXPECTED_STATUS_CODES", expectedStatusCodes),
        null, false));
    function.getCurrentVersion().grantInvoke(hook);
    // The same intrinsic findings as the pipeline's other functions (X-Ray writes; the pinned LTS runtime).
    PipelineNagSuppressions.unscopableActions(hook, false);
    if (props.runtime().runtimeEquals(LambdaDefaults.DEFAULT_JAVA_RUNTIME)) {
      PipelineNagSuppressions.pinnedLtsRuntime(hook, props.runtime());
    }

    Role role = Role.Builder.create(scope, id + "DeploymentRole")
        .assumedBy(new ServicePrincipal("codedeploy.amazonaws.com"))
        .description("CodeDeploy's role for the " + id + " function's live alias: shift it, run its hook, read alarms")
        .build();
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig"))
        .resources(List.of(function.getFunctionArn(), alias.getFunctionArn()))
        .build());
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("lambda:InvokeFunction"))
        .resources(List.of(hook.getFunctionArn()))
        .build());
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("cloudwatch:DescribeAlarms"))
        .resources(List.of("*"))
        .build());
    PipelineNagSuppressions.describeAlarmsRole(role);

    return LambdaDeploymentGroup.Builder.create(scope, id + "Deployment")
        .application(application)
        .alias(alias)
        .deploymentConfig(props.deploymentConfig())
        .role(role.withoutPolicyUpdates())
        .preHook(hook)
        .alarms(List.of(errorsAlarm))
        .autoRollback(AutoRollbackConfig.builder()
            .failedDeployment(true)
            .stoppedDeployment(true)
            .deploymentInAlarm(true)
            .build())
        .build();
  }
}
