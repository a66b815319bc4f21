package dev.tally.constructs.compliance;

import java.time.LocalDate;

/**
 * One suppression the gate found in force, for the report: an entry of the suppression file or a construct's
 * {@link DesignSuppression}.
 *
 * @param source  {@code suppression file #N} or {@code design of <construct path>}
 * @param rule    the cdk-nag rule id, with its granular findings in brackets when limited to them
 * @param scope   what it covers: the file entry's path pattern with the number of resources it matched, or the
 *                construct path a design suppression was added to
 * @param owner   who answers for it
 * @param expires its last day
 * @param reason  why it is acceptable
 */
public record SuppressionInForce(String source, String rule, String scope, String owner, LocalDate expires,
                                 String reason) {

  /** One line for the report. */
  public String render() {
    return String.format("  %-45s %s%n        scope %s; owner %s, expires %s%n        %s", rule, source, scope, owner,
        expires, reason);
  }

  /**
   * The pack a suppression belongs to: the part of the rule id before the first '-' ({@code AwsSolutions},
   * {@code NIST.800.53.R5}); for a {@code CdkNagValidationFailure} limited to rules, the pack of those rules.
   */
  public String pack() {
    int bracket = rule.indexOf('[');
    String base = bracket < 0 ? rule : rule.substring(0, bracket);
    String scoped = base.equals(NagRuleIds.VALIDATION_FAILURE) && bracket >= 0
        ? rule.substring(bracket + 1).replaceFirst("^\\s+", "") : base;
    int dash = scoped.indexOf('-');
    return dash < 0 ? scoped : scoped.substring(0, dash);
  }
}
