package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.RecursiveLoop;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;

/** Default props for Lambda functions. */
public final class LambdaDefaults {

  /** The Java runtime the handlers are built and tested for (LTS, supported by Lambda into 2029). */
  public static final Runtime DEFAULT_JAVA_RUNTIME = Runtime.JAVA_21;

  private LambdaDefaults() {}

  /**
   * A Java function on Graviton (arm64: about 20% cheaper per GB-second), with active X-Ray tracing, JSON logs and
   * Lambda's recursive-loop guard on. The caller supplies code, handler, role, memory, timeout and log group: those
   * are decisions per function, never defaults.
   */
  public static FunctionProps.Builder javaFunctionProps() {
    return FunctionProps.builder()
        .runtime(DEFAULT_JAVA_RUNTIME)
        .architecture(Architecture.ARM_64)
        .tracing(Tracing.ACTIVE)
        .loggingFormat(LoggingFormat.JSON)
        .recursiveLoop(RecursiveLoop.TERMINATE);
  }
}
