package dev.tally.functions.common;

import java.util.Map;
import java.util.function.Function;

/**
 * The settings a handler reads from its Lambda environment variables. The RenewalPipeline construct sets them;
 * reading them through a lookup (rather than {@link System#getenv} directly) lets tests wire a handler the way the
 * runtime does.
 */
public final class LambdaEnvironment {
  /** Name of the single DynamoDB table that holds balances and renewals. */
  public static final String TABLE_NAME = "TABLE_NAME";
  /** URL of the standard SQS queue the ingest function writes to. */
  public static final String QUEUE_URL = "QUEUE_URL";
  /** ARN of the SNS topic the notifier publishes credited renewals to. */
  public static final String TOPIC_ARN = "TOPIC_ARN";

  private final Function<String, String> lookup;

  private LambdaEnvironment(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /** The process environment, as the Lambda runtime provides it. */
  public static LambdaEnvironment system() {
    return new LambdaEnvironment(System::getenv);
  }

  /** A fixed set of variables (tests). */
  public static LambdaEnvironment of(Map<String, String> variables) {
    return new LambdaEnvironment(variables::get);
  }

  /**
   * The value of a variable that must be set.
   *
   * @param purpose what the value is for, so the start-up error says what to fix
   * @throws IllegalStateException naming the variable when it is unset or blank
   */
  public String require(String name, String purpose) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Environment variable " + name + " is not set: it must hold " + purpose
              + " (the construct that deploys the function sets it).");
    }
    return value;
  }
}
