package dev.tally.constructs.finops;

import java.util.Optional;

/**
 * What a {@link FinOpsRule} found on one resource.
 *
 * @param outcome whether the resource is in scope and compliant
 * @param cost    for a non-compliant resource, what it costs: a rough monthly figure and its assumption
 */
public record Verdict(Outcome outcome, Optional<String> cost) {

  /** The rule's result on a resource. */
  public enum Outcome { NOT_APPLICABLE, COMPLIANT, NON_COMPLIANT }

  public static final Verdict NOT_APPLICABLE = new Verdict(Outcome.NOT_APPLICABLE, Optional.empty());
  public static final Verdict COMPLIANT = new Verdict(Outcome.COMPLIANT, Optional.empty());

  /** Non-compliant, costing {@code cost} (e.g. "~USD 3.33/month per 1M invocations of 1 s at 1024 MB"). */
  public static Verdict nonCompliant(String cost) {
    return new Verdict(Outcome.NON_COMPLIANT, Optional.of(cost));
  }

  /** Non-compliant where no price can be stated. */
  public static Verdict nonCompliant() {
    return new Verdict(Outcome.NON_COMPLIANT, Optional.empty());
  }
}
