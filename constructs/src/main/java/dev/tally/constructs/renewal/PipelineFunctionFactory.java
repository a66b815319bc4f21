package dev.tally.constructs.renewal;

import dev.tally.constructs.defaults.LambdaDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Creates the pipeline's functions, each with its own role, log group and async-failure queue.
 *
 * <p>The role starts empty (no AWS managed policy such as AWSLambdaBasicExecutionRole, hence no AwsSolutions-IAM4):
 * it may write only to its own log group, plus whatever the pipeline grants it afterwards.
 */
final class PipelineFunctionFactory {

  /**
   * What differs between the pipeline's functions; {@code reservedConcurrency} may be null (none reserved).
   * {@code snapStart} applies to published versions, so such a function must be invoked through an alias.
   */
  record FunctionSpec(String id, String handler, int memoryMb, Duration timeout, Map<String, String> environment,
      Integer reservedConcurrency, boolean snapStart) {}

  private final Construct scope;
  private final RenewalPipelineProps props;
  private final IQueue asyncFailureQueue;

  PipelineFunctionFactory(Construct scope, RenewalPipelineProps props, IQueue asyncFailureQueue) {
    this.scope = scope;
    this.props = props;
    this.asyncFailureQueue = asyncFailureQueue;
  }

  Function create(FunctionSpec spec) {
    Role role = Role.Builder.create(scope, spec.id() + "Role")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Least-privilege execution role of the renewal pipeline's " + spec.id() + " function")
        .build();
    LogGroup logGroup = new LogGroup(scope, spec.id() + "Logs",
        LogGroupDefaults.logGroupProps(props.logRetention(), props.production()).build());
    logGroup.grantWrite(role);
    return new Function(scope, spec.id(), LambdaDefaults.javaFunctionProps()
        .runtime(props.runtime())
        .code(props.functionCode())
        .handler(spec.handler())
        .role(role)
        .logGroup(logGroup)
        .memorySize(spec.memoryMb())
        .timeout(spec.timeout())
        .environment(spec.environment())
        .reservedConcurrentExecutions(spec.reservedConcurrency())
        .snapStart(spec.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
        // Every invocation here is synchronous today; the queue catches any future asynchronous invoke.
        .deadLetterQueue(asyncFailureQueue)
        .build());
  }
}
