package dev.tally.constructs.slo;

import dev.tally.constructs.validation.InvalidPropsException;
import java.util.List;

/** {@link ServiceLevelObjectiveProps} that cannot be built; the message lists every problem, each naming its prop. */
public final class InvalidServiceLevelObjectiveException extends InvalidPropsException {

  private static final long serialVersionUID = 1L;

  InvalidServiceLevelObjectiveException(List<String> problems) {
    super("ServiceLevelObjectiveProps", problems);
  }
}
