package dev.tally.constructs.finops;

import software.amazon.awscdk.CfnResource;

/**
 * One FinOps rule: a cost mistake that can be caught at synthesis, stated like a cdk-nag rule (one class per rule,
 * as in cdklabs/cdk-nag's {@code src/rules}). {@link FinOpsChecks} runs every rule on every resource.
 */
public interface FinOpsRule {

  /** The rule id's suffix: the pack reports {@code FinOps-<id>}. */
  String id();

  /** One line: what is wrong, and roughly what it costs. */
  String info();

  /** Why it matters and how to fix it. */
  String explanation();

  /**
   * Evaluates one resource.
   *
   * @param settings this rule's settings from the FinOps policy (ceilings, production values)
   */
  Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings);
}
