package dev.tally.functions.common;

/** A queued message that can never be credited as it stands: retrying it cannot help, the DLQ is where it belongs. */
public final class MalformedRenewalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param reason which field is wrong and how */
  public MalformedRenewalException(String reason) {
    super(reason);
  }
}
