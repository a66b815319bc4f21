package dev.tally.constructs.compliance.tags;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tag of {@code policies/tag-policy.yaml}: the same semantics as {@code tally scan --checks untagged} gives the
 * file (keys and values compared ignoring case, a blank value is missing, {@code applies-to} / {@code exempt} by
 * {@code service} or {@code service:type}).
 *
 * @param key           the tag key
 * @param appliesTo     resource types it is required on; empty = every type
 * @param exempt        resource types excused even when {@code appliesTo} covers them
 * @param allowedValues accepted values; empty = any non-blank value
 */
public record RequiredTag(String key, Set<String> appliesTo, Set<String> exempt, List<String> allowedValues) {

  public RequiredTag {
    appliesTo = lower(appliesTo);
    exempt = lower(exempt);
    allowedValues = List.copyOf(allowedValues);
  }

  /**
   * Whether the tag is required on a CloudFormation resource type, e.g. {@code AWS::EC2::SecurityGroup}, compared
   * with the policy's ARN-style types ({@code ec2:security-group}; {@code ec2:securitygroup} matches too).
   */
  public boolean requiredOn(String cloudFormationType) {
    String[] parts = cloudFormationType.split("::");
    if (parts.length != 3) {
      return appliesTo.isEmpty();
    }
    String service = arnService(parts[1]);
    Set<String> names = new java.util.HashSet<>(List.of(service + ":" + kebab(parts[2]),
        service + ":" + parts[2].toLowerCase(Locale.ROOT)));
    boolean covered = appliesTo.isEmpty() || appliesTo.contains(service) || names.stream().anyMatch(appliesTo::contains);
    boolean excused = exempt.contains(service) || names.stream().anyMatch(exempt::contains);
    return covered && !excused;
  }

  /** The value carried for this key (compared ignoring case), if any. */
  public Optional<String> valueIn(Map<String, String> tags) {
    return tags.entrySet().stream().filter(e -> e.getKey().trim().equalsIgnoreCase(key))
        .map(Map.Entry::getValue).findFirst();
  }

  /** Whether a value is acceptable: non-blank and, when values are listed, one of them (ignoring case). */
  public boolean accepts(String value) {
    return value != null && !value.isBlank()
        && (allowedValues.isEmpty() || allowedValues.stream().anyMatch(v -> v.equalsIgnoreCase(value.trim())));
  }

  /** The ARN service of a CloudFormation namespace where the two differ. */
  private static String arnService(String namespace) {
    String lower = namespace.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "elasticloadbalancingv2" -> "elasticloadbalancing";
      case "apigatewayv2" -> "apigateway";
      case "stepfunctions" -> "states";
      case "cloudwatch" -> "cloudwatch";
      default -> lower;
    };
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static Set<String> lower(Set<String> types) {
    return types.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
