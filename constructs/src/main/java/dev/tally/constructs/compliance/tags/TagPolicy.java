package dev.tally.constructs.compliance.tags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tally.constructs.compliance.InvalidSuppressionsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cost-allocation tag policy, {@code policies/tag-policy.yaml}: the one file both the CDK app (which applies the
 * keys) and {@code tally scan --checks untagged} (which audits deployed resources) read. The gate fails on a
 * taggable resource that lacks a required key or carries a value the policy does not allow.
 *
 * @param requiredTags the required tags, in file order
 */
public record TagPolicy(List<RequiredTag> requiredTags) {

  private static final Set<String> TAG_KEYS = Set.of("key", "description", "allowed-values", "applies-to", "exempt");
  private static final String TYPE_PATTERN = "[a-z0-9-]+(:[a-z0-9-]+)?";

  public TagPolicy {
    requiredTags = List.copyOf(requiredTags);
  }

  /** No required tag: the tag check is off. */
  public static TagPolicy none() {
    return new TagPolicy(List.of());
  }

  /** The keys the policy requires, in file order. */
  public List<String> keys() {
    return requiredTags.stream().map(RequiredTag::key).toList();
  }

  /**
   * Reads and validates a tag policy file, reporting every problem at once.
   *
   * @throws InvalidSuppressionsException naming the file and each bad entry (the gate's "bad policy data" error)
   */
  public static TagPolicy load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSuppressionsException(file.toString(), List.of("tag policy file not found; pass the right path"));
    }
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InvalidSuppressionsException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
  }

  /** Validates tag policy YAML; {@code source} names it in messages. */
  public static TagPolicy parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidSuppressionsException(source, List.of("is not valid YAML: " + e.getOriginalMessage()));
    }
    List<String> problems = new ArrayList<>();
    JsonNode list = root == null ? null : root.get("required-tags");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidSuppressionsException(source, List.of("required-tags must be a non-empty list of {key: ...} entries"));
    }
    root.fieldNames().forEachRemaining(k -> {
      if (!k.equals("required-tags")) {
        problems.add("unknown top-level key '" + k + "' (only 'required-tags' is allowed)");
      }
    });
    List<RequiredTag> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String path = "required-tags[" + i + "]";
      if (!entry.isObject()) {
        problems.add(path + " must be a mapping with a key");
        continue;
      }
      entry.fieldNames().forEachRemaining(k -> {
        if (!TAG_KEYS.contains(k)) {
          problems.add(path + ": unknown key '" + k + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(TAG_KEYS)) + ")");
        }
      });
      String key = entry.path("key").asText("").trim();
      if (key.isEmpty()) {
        problems.add(path + ".key is required");
        continue;
      }
      if (!seen.add(key.toLowerCase(Locale.ROOT))) {
        problems.add(path + ".key '" + key + "' is listed twice (keys are compared ignoring case)");
      }
      tags.add(new RequiredTag(key, types(entry, path, "applies-to", problems), types(entry, path, "exempt", problems),
          strings(entry, path, "allowed-values", problems)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSuppressionsException(source, problems);
    }
    return new TagPolicy(tags);
  }

  private static Set<String> types(JsonNode entry, String path, String field, List<String> problems) {
    Set<String> types = new LinkedHashSet<>();
    for (String type : strings(entry, path, field, problems)) {
      String normalised = type.toLowerCase(Locale.ROOT);
      if (!normalised.matches(TYPE_PATTERN)) {
        problems.add(path + "." + field + " entry '" + type + "' is not a resource type like 'ec2:instance' or 'sqs'");
      }
      types.add(normalised);
    }
    return types;
  }

  private static List<String> strings(JsonNode entry, String path, String field, List<String> problems) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(path + "." + field + " must be a list");
      return List.of();
    }
    List<String> result = new ArrayList<>();
    value.forEach(v -> result.add(v.asText()));
    return result;
  }
}
