package dev.tally.constructs.portal;

import dev.tally.constructs.validation.InvalidPropsException;
import java.util.List;

/**
 * {@link CustomerPortalProps} that cannot be deployed. The message lists every problem, each naming its prop, so one
 * run shows everything to fix.
 */
public final class InvalidCustomerPortalPropsException extends InvalidPropsException {

  private static final long serialVersionUID = 1L;

  InvalidCustomerPortalPropsException(List<String> problems) {
    super("CustomerPortalProps", problems);
  }
}
