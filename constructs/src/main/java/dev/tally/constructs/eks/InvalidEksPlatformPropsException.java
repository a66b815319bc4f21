package dev.tally.constructs.eks;

import dev.tally.constructs.validation.InvalidPropsException;
import java.util.List;

/**
 * {@link EksPlatformProps} that cannot be deployed. The message lists every problem, each naming its prop, so one run
 * shows everything to fix.
 */
public final class InvalidEksPlatformPropsException extends InvalidPropsException {

  private static final long serialVersionUID = 1L;

  InvalidEksPlatformPropsException(List<String> problems) {
    super("EksPlatformProps", problems);
  }
}
