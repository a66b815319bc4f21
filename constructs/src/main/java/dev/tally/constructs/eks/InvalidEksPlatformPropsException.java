package dev.tally.constructs.eks;

import java.util.List;

/**
 * {@link EksPlatformProps} that cannot be deployed. The message lists every problem, each naming its prop, so one run
 * shows everything to fix.
 */
public final class InvalidEksPlatformPropsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidEksPlatformPropsException(List<String> problems) {
    super("EksPlatformProps invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one per invalid prop, in prop order. */
  public List<String> problems() {
    return problems;
  }
}
