package dev.tally.constructs.compliance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A nag finding a construct accepts about its own design, with the same review data as an entry of the suppression
 * file: the reason, who answers for it and the last day it is honoured. Add it with {@link DesignSuppressions#add};
 * {@link ComplianceGate} then fails the build when it has expired, when its rule no longer fires under the
 * construct (stale), or when it silences the rule on more than one resource (over-broad).
 *
 * @param rule      cdk-nag rule id, e.g. {@code AwsSolutions-IAM5}
 * @param appliesTo for granular rules, the exact finding ids accepted ({@code Resource::*}); empty for all
 * @param reason    why the finding is acceptable (at least {@value SuppressionPolicy#MIN_REASON_LENGTH} characters)
 * @param owner     who answers for it
 * @param expires   last day it is honoured; the construct's authors re-justify it in code before then
 */
public record DesignSuppression(String rule, List<String> appliesTo, String reason, String owner, LocalDate expires) {

  public DesignSuppression {
    Objects.requireNonNull(rule, "rule");
    appliesTo = List.copyOf(appliesTo);
    if (reason == null || reason.strip().length() < SuppressionPolicy.MIN_REASON_LENGTH) {
      throw new IllegalArgumentException("design suppression of " + rule + ": reason must say why, in at least "
          + SuppressionPolicy.MIN_REASON_LENGTH + " characters");
    }
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("design suppression of " + rule + ": owner is required");
    }
    Objects.requireNonNull(expires, "expires");
  }

  /** A suppression of every finding of {@code rule}. */
  public static DesignSuppression of(String rule, String reason, String owner, LocalDate expires) {
    return new DesignSuppression(rule, List.of(), reason, owner, expires);
  }

  /** The same suppression limited to the granular findings {@code ids}. */
  public DesignSuppression appliesTo(String... ids) {
    return new DesignSuppression(rule, List.of(ids), reason, owner, expires);
  }

  /** The reason as cdk-nag records it in the CSV report: with owner and expiry. */
  String reviewedReason() {
    return reason + " (owner: " + owner + ", expires: " + expires + ")";
  }

  /** The metadata the construct carries, read back by the gate. */
  Map<String, Object> toMetadata() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rule", rule);
    data.put("appliesTo", appliesTo);
    data.put("reason", reason);
    data.put("owner", owner);
    data.put("expires", expires.toString());
    return data;
  }

  @SuppressWarnings("unchecked")
  static DesignSuppression fromMetadata(Object data) {
    Map<String, Object> map = (Map<String, Object>) data;
    Object applies = map.get("appliesTo");
    return new DesignSuppression(String.valueOf(map.get("rule")),
        applies instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
        String.valueOf(map.get("reason")), String.valueOf(map.get("owner")),
        LocalDate.parse(String.valueOf(map.get("expires"))));
  }
}
