package dev.tally.constructs.audit;

import dev.tally.constructs.validation.InvalidPropsException;
import java.util.List;

/**
 * {@link AuditTrailProps} that cannot be deployed, or that would break write-once-read-many retention. The message
 * lists every problem, each naming its prop, so one run shows everything to fix.
 */
public final class InvalidAuditTrailPropsException extends InvalidPropsException {

  private static final long serialVersionUID = 1L;

  InvalidAuditTrailPropsException(List<String> problems) {
    super("AuditTrailProps", problems);
  }
}
