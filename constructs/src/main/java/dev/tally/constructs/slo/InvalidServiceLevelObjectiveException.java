package dev.tally.constructs.slo;

import java.util.List;

/** {@link ServiceLevelObjectiveProps} that cannot be built; the message lists every problem, each naming its prop. */
public final class InvalidServiceLevelObjectiveException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidServiceLevelObjectiveException(List<String> problems) {
    super("ServiceLevelObjectiveProps invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own. */
  public List<String> problems() {
    return problems;
  }
}
