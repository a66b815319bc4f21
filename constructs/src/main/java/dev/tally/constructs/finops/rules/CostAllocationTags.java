package dev.tally.constructs.finops.rules;

import dev.tally.constructs.compliance.tags.RequiredTag;
import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;

/**
 * A taggable resource missing a required cost-allocation tag of the tag policy: its spend cannot be charged back.
 * The keys come from {@code policies/tag-policy.yaml}, the file the app and {@code tally scan} read.
 */
public final class CostAllocationTags implements FinOpsRule {

  private final List<RequiredTag> required;

  /** The rule for the keys of a tag policy. */
  public CostAllocationTags(List<RequiredTag> required) {
    this.required = List.copyOf(required);
  }

  @Override public String id() { return "CostAllocationTags"; }

  @Override public String info() { return "The resource lacks a required cost-allocation tag."; }

  @Override public String explanation() {
    return "Tag every resource with the keys policies/tag-policy.yaml requires (Tags.of(scope).add from the app):"
        + " untagged spend lands in the shared pool of the chargeback report instead of with its owner.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (required.isEmpty() || !TagManager.isTaggable(resource)) {
      return Verdict.NOT_APPLICABLE;
    }
    Map<String, String> tags = TagManager.of(resource).tagValues();
    List<String> missing = required.stream()
        .filter(tag -> tag.requiredOn(resource.getCfnResourceType()))
        .filter(tag -> tag.valueIn(tags).filter(v -> !v.isBlank()).isEmpty())
        .map(RequiredTag::key).toList();
    if (missing.isEmpty()) {
      return Verdict.COMPLIANT;
    }
    return Verdict.nonCompliant("its whole cost is unallocated (missing " + String.join(", ", missing) + ")");
  }
}
