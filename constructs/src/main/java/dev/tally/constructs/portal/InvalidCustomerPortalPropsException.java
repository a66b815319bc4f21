package dev.tally.constructs.portal;

import java.util.List;

/**
 * {@link CustomerPortalProps} that cannot be deployed. The message lists every problem, each naming its prop, so one
 * run shows everything to fix.
 */
public final class InvalidCustomerPortalPropsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidCustomerPortalPropsException(List<String> problems) {
    super("CustomerPortalProps invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one per invalid prop, in prop order. */
  public List<String> problems() {
    return problems;
  }
}
