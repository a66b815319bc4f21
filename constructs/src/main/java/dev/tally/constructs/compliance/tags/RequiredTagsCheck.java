package dev.tally.constructs.compliance.tags;

import dev.tally.constructs.compliance.NagFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.constructs.IConstruct;

/**
 * Checks every taggable resource of a synthesized app against a {@link TagPolicy}: a required key missing (or
 * blank) or a value the policy does not allow is an error. The tags are read from the synthesized templates, so what
 * is checked is what CloudFormation will apply.
 */
public final class RequiredTagsCheck {

  /** The rule id findings are reported under. */
  public static final String RULE = "tag-policy";

  private final TagPolicy policy;

  public RequiredTagsCheck(TagPolicy policy) {
    this.policy = policy;
  }

  /** Every violation under {@code scope}, one finding per resource and key. */
  public List<NagFinding> check(IConstruct scope, List<CloudFormationStackArtifact> stacks) {
    List<NagFinding> findings = new ArrayList<>();
    if (policy.requiredTags().isEmpty()) {
      return findings;
    }
    Map<String, CloudFormationStackArtifact> byPath = new LinkedHashMap<>();
    stacks.forEach(artifact -> byPath.put(artifact.getHierarchicalId(), artifact));
    for (IConstruct construct : scope.getNode().findAll()) {
      if (!CfnResource.isCfnResource(construct) || !TagManager.isTaggable(construct)) {
        continue;
      }
      CfnResource resource = (CfnResource) construct;
      Stack stack = Stack.of(construct);
      CloudFormationStackArtifact artifact = byPath.get(stack.getNode().getPath());
      if (artifact == null) {
        continue;
      }
      String logicalId = stack.resolve(resource.getLogicalId()).toString();
      Map<String, String> tags = tagsOf(artifact, logicalId);
      String path = "/" + construct.getNode().getPath();
      for (RequiredTag tag : policy.requiredTags()) {
        if (!tag.requiredOn(resource.getCfnResourceType())) {
          continue;
        }
        String value = tag.valueIn(tags).orElse(null);
        if (value == null || value.isBlank()) {
          findings.add(new NagFinding(NagFinding.Level.ERROR, artifact.getDisplayName(), path, RULE,
              resource.getCfnResourceType() + " lacks the required tag '" + tag.key() + "' (policies/tag-policy.yaml):"
                  + " tag it from the app (Tags.of(scope).add) so its cost can be allocated"));
        } else if (!tag.accepts(value)) {
          findings.add(new NagFinding(NagFinding.Level.ERROR, artifact.getDisplayName(), path, RULE,
              resource.getCfnResourceType() + " carries " + tag.key() + "=" + value + ", which the tag policy does"
                  + " not allow (allowed: " + String.join(", ", tag.allowedValues()) + ")"));
        }
      }
    }
    return findings;
  }

  /** Tags as the template writes them: a list of Key/Value pairs (most types) or a plain map. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> tagsOf(CloudFormationStackArtifact artifact, String logicalId) {
    Map<String, Object> template = (Map<String, Object>) artifact.getTemplate();
    Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    Map<String, Object> resource = (Map<String, Object>) resources.getOrDefault(logicalId, Map.of());
    Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    Object tags = properties.get("Tags");
    if (tags == null) {
      tags = properties.get("tags"); // a few SAM-era types spell it in lower case
    }
    Map<String, String> result = new TreeMap<>();
    if (tags instanceof List<?> list) {
      for (Object tag : list) {
        if (tag instanceof Map<?, ?> pair) {
          result.put(String.valueOf(pair.get("Key")), String.valueOf(pair.get("Value")));
        }
      }
    } else if (tags instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
    }
    return result;
  }
}
