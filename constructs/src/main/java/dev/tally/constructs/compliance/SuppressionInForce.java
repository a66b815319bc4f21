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

  /** The pack a rule belongs to: the part of the id before the first '-' ({@code AwsSolutions}, {@code NIST.800.53.R5}). */
  public String pack() {
    int dash = rule.indexOf('-');
    return dash < 0 ? rule : rule.substring(0, dash);
  }
}
