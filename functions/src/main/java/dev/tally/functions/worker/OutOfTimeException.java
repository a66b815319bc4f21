package dev.tally.functions.worker;

/**
 * A retryable cancellation (conflict, throttling) was still failing when the next back-off would have crossed the
 * invocation's {@link TimeBudget}. Nothing was written; the caller hands this message and the rest of its batch back
 * to SQS.
 */
public final class OutOfTimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what ran out, for the log
   * @param cause the last retryable cancellation
   */
  public OutOfTimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
