package dev.tally.constructs.finops;

import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * The FinOps nag pack: cost mistakes caught at synthesis, reported by cdk-nag like any other pack
 * ({@code FinOps-<rule>} findings, CSV report {@code FinOps-<stack>-NagReport.csv}, suppressible with a justified
 * suppression). Each rule's level (error, warning or off) and settings come from a {@link FinOpsPolicy}
 * ({@code policies/finops/rules.yaml}).
 */
public final class FinOpsChecks extends NagPack {

  /** The pack's name, the prefix of its rule ids. */
  public static final String PACK_NAME = "FinOps";

  private final FinOpsPolicy policy;
  private final List<FinOpsRule> rules;

  /** The pack with every rule of {@link FinOpsRules#all}, at the levels {@code policy} gives. */
  public FinOpsChecks(NagPackProps props, FinOpsPolicy policy) {
    this(props, policy, FinOpsRules.all(policy.tagPolicy().requiredTags()));
  }

  /** The pack with the given rules only (tests, or a team that adopts rules one at a time). */
  public FinOpsChecks(NagPackProps props, FinOpsPolicy policy, List<FinOpsRule> rules) {
    super(props);
    setPackName(PACK_NAME);
    this.policy = policy;
    this.rules = List.copyOf(rules);
  }

  @Override
  public void visit(IConstruct node) {
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    CfnResource resource = (CfnResource) node;
    for (FinOpsRule rule : rules) {
      FinOpsPolicy.RuleSettings settings = policy.settingsOf(rule.id());
      if (settings.level() != FinOpsPolicy.Level.OFF) {
        applyRule(new AppliedRule(rule, settings, resource));
      }
    }
  }
}
