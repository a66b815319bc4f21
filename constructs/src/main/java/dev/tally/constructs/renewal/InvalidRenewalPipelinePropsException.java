package dev.tally.constructs.renewal;

import java.util.List;

/**
 * {@link RenewalPipelineProps} that cannot be deployed. The message lists every problem, each naming its prop, so
 * one run shows everything to fix.
 */
public final class InvalidRenewalPipelinePropsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidRenewalPipelinePropsException(List<String> problems) {
    super("RenewalPipelineProps invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one per invalid prop, in prop order. */
  public List<String> problems() {
    return problems;
  }
}
