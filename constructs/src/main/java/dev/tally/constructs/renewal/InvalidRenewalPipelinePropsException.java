package dev.tally.constructs.renewal;

import dev.tally.constructs.validation.InvalidPropsException;
import java.util.List;

/**
 * {@link RenewalPipelineProps} that cannot be deployed. The message lists every problem, each naming its prop, so
 * one run shows everything to fix.
 */
public final class InvalidRenewalPipelinePropsException extends InvalidPropsException {

  private static final long serialVersionUID = 1L;

  InvalidRenewalPipelinePropsException(List<String> problems) {
    super("RenewalPipelineProps", problems);
  }
}
