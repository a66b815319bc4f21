package dev.tally.constructs.finops;

import io.github.cdklabs.cdknag.IApplyRule;
import io.github.cdklabs.cdknag.NagMessageLevel;
import io.github.cdklabs.cdknag.NagRuleCompliance;
import software.amazon.awscdk.CfnResource;

/**
 * One {@link FinOpsRule} applied to one resource, in the shape cdk-nag's {@code NagPack.applyRule} takes. The rule is
 * evaluated when cdk-nag calls {@link #rule}; a non-compliant verdict's cost goes into the finding's message.
 */
final class AppliedRule implements IApplyRule {

  private final Verdict verdict;
  private CfnResource node;
  private NagMessageLevel level;
  private String info;
  private String explanation;
  private String suffix;

  AppliedRule(FinOpsRule rule, FinOpsPolicy.RuleSettings settings, CfnResource node) {
    this.node = node;
    this.level = settings.level() == FinOpsPolicy.Level.ERROR ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
    this.explanation = rule.explanation();
    this.suffix = rule.id();
    // cdk-nag reads info when it logs a finding: evaluate now, so the message can carry this resource's cost.
    this.verdict = rule.evaluate(node, settings);
    this.info = verdict.cost().map(cost -> rule.info() + " Cost: " + cost + ".").orElse(rule.info());
  }

  @Override
  public Object rule(CfnResource resource) {
    return switch (verdict.outcome()) {
      case NOT_APPLICABLE -> NagRuleCompliance.NOT_APPLICABLE;
      case COMPLIANT -> NagRuleCompliance.COMPLIANT;
      case NON_COMPLIANT -> NagRuleCompliance.NON_COMPLIANT;
    };
  }

  @Override public String getExplanation() { return explanation; }
  @Override public void setExplanation(String value) { explanation = value; }
  @Override public String getInfo() { return info; }
  @Override public void setInfo(String value) { info = value; }
  @Override public NagMessageLevel getLevel() { return level; }
  @Override public void setLevel(NagMessageLevel value) { level = value; }
  @Override public CfnResource getNode() { return node; }
  @Override public void setNode(CfnResource value) { node = value; }
  @Override public String getRuleSuffixOverride() { return suffix; }
  @Override public void setRuleSuffixOverride(String value) { suffix = value; }
}
