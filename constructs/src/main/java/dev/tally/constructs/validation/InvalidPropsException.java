package dev.tally.constructs.validation;

import java.util.List;

/**
 * Props that cannot be deployed: the message lists every problem, each naming its prop, so one run shows
 * everything to fix. Each construct has its own subclass, so callers can catch one construct's refusal.
 */
public abstract class InvalidPropsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param propsType the props type's simple name, e.g. {@code RenewalPipelineProps}
   * @param problems  every problem found, one per invalid prop, in prop order
   */
  protected InvalidPropsException(String propsType, List<String> problems) {
    super(propsType + " invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one per invalid prop, in prop order. */
  public List<String> problems() {
    return problems;
  }
}
