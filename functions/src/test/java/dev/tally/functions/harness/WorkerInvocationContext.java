package dev.tally.functions.harness;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one invocation: a fresh request id and the time left before the function's timeout,
 * counted from the moment the invocation started, which is what the worker's time budget reads.
 */
final class WorkerInvocationContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;
  private final long deadlineNanos;
  private final int timeoutMillis;

  WorkerInvocationContext(String functionName, Duration timeout) {
    this.functionName = functionName;
    this.timeoutMillis = (int) timeout.toMillis();
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        // The handlers log through StructuredLog; nothing writes here.
      }

      @Override
      public void log(byte[] message) {
        // As above.
      }
    };
  }

  int timeoutMillis() {
    return timeoutMillis;
  }
}
