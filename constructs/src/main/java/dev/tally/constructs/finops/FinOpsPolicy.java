package dev.tally.constructs.finops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tally.constructs.compliance.InvalidSuppressionsException;
import dev.tally.constructs.compliance.tags.TagPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FinOps pack's settings, {@code policies/finops/rules.yaml}: a level per rule ({@code error}, {@code warning} or
 * {@code off}) and the rule's own settings (a retention ceiling, which tag marks production). A rule the file does
 * not name runs at {@code error} with its defaults. The tag policy supplies the cost-allocation keys.
 *
 * <pre>
 * rules:
 *   LambdaArm64: {level: error}
 *   LogGroupRetention: {level: error, max-retention-days: 400}
 *   NatGatewayPerAz: {level: warning, production-tag: tally:environment, production-values: [production]}
 * </pre>
 *
 * @param rules     settings per rule id (the suffix after {@code FinOps-})
 * @param tagPolicy the cost-allocation tags resources must carry
 */
public record FinOpsPolicy(Map<String, RuleSettings> rules, TagPolicy tagPolicy) {

  /** A rule's level. */
  public enum Level { ERROR, WARNING, OFF }

  /**
   * One rule's level and settings.
   *
   * @param level   error fails the gate, warning is listed, off skips the rule
   * @param options the rule's own settings, by name
   */
  public record RuleSettings(Level level, Map<String, Object> options) {

    public RuleSettings {
      options = Map.copyOf(options);
    }

    /** An integer setting, or {@code fallback}. */
    public int intOption(String name, int fallback) {
      Object value = options.get(name);
      return value instanceof Number number ? number.intValue() : fallback;
    }

    /** A text setting, or {@code fallback}. */
    public String textOption(String name, String fallback) {
      Object value = options.get(name);
      return value == null ? fallback : value.toString();
    }

    /** A list-of-text setting, or {@code fallback}. */
    public List<String> listOption(String name, List<String> fallback) {
      Object value = options.get(name);
      return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : fallback;
    }
  }

  private static final RuleSettings DEFAULT = new RuleSettings(Level.ERROR, Map.of());

  public FinOpsPolicy {
    rules = Map.copyOf(rules);
  }

  /** Every rule at {@code error} with its defaults, and no required tag. */
  public static FinOpsPolicy defaults() {
    return new FinOpsPolicy(Map.of(), TagPolicy.none());
  }

  /** The settings of rule {@code id}; {@code error} with defaults when the file does not name it. */
  public RuleSettings settingsOf(String id) {
    RuleSettings settings = rules.get(id);
    return settings == null ? DEFAULT : settings;
  }

  /**
   * Reads and validates the file, reporting every problem at once.
   *
   * @throws InvalidSuppressionsException naming the file and each bad entry
   */
  public static FinOpsPolicy load(Path file, TagPolicy tagPolicy) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSuppressionsException(file.toString(), List.of("FinOps rule file not found; pass the right path"));
    }
    try {
      return parse(Files.readString(file), file.toString(), tagPolicy);
    } catch (IOException e) {
      throw new InvalidSuppressionsException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
  }

  /** Validates FinOps rule YAML; {@code source} names it in messages. */
  public static FinOpsPolicy parse(String yaml, String source, TagPolicy tagPolicy) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidSuppressionsException(source, List.of("is not valid YAML: " + e.getOriginalMessage()));
    }
    List<String> problems = new ArrayList<>();
    Set<String> known = FinOpsRules.all().stream().map(FinOpsRule::id).collect(Collectors.toCollection(java.util.TreeSet::new));
    Map<String, RuleSettings> rules = new LinkedHashMap<>();
    JsonNode list = root == null ? null : root.get("rules");
    if (list != null && !list.isObject()) {
      problems.add("'rules' must be a mapping of rule id to {level: error|warning|off, ...}");
    } else if (list != null) {
      list.fields().forEachRemaining(entry -> {
        String id = entry.getKey();
        if (!known.contains(id)) {
          problems.add("rules." + id + ": unknown FinOps rule (known: " + String.join(", ", known) + ")");
          return;
        }
        JsonNode body = entry.getValue();
        JsonNode levelNode = body.path("level");
        // YAML 1.1 reads a bare 'off' as false.
        String levelText = levelNode.isBoolean() && !levelNode.booleanValue() ? "OFF"
            : levelNode.asText("error").toUpperCase(Locale.ROOT);
        Level level;
        try {
          level = Level.valueOf(levelText);
        } catch (IllegalArgumentException e) {
          problems.add("rules." + id + ".level '" + body.path("level").asText() + "' must be error, warning or off");
          return;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        body.fields().forEachRemaining(option -> {
          if (!option.getKey().equals("level")) {
            options.put(option.getKey(), new YAMLMapper().convertValue(option.getValue(), Object.class));
          }
        });
        rules.put(id, new RuleSettings(level, options));
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidSuppressionsException(source, problems);
    }
    return new FinOpsPolicy(rules, tagPolicy);
  }
}
