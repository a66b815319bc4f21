package dev.tally.constructs.audit;

import java.util.List;

/**
 * {@link AuditTrailProps} that cannot be deployed, or that would break write-once-read-many retention. The message
 * lists every problem, each naming its prop, so one run shows everything to fix.
 */
public final class InvalidAuditTrailPropsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidAuditTrailPropsException(List<String> problems) {
    super("AuditTrailProps invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one per invalid prop, in prop order. */
  public List<String> problems() {
    return problems;
  }
}
