package dev.tally.audit.scan.check.tags;

import java.util.List;

/**
 * The cost-allocation tags resources must carry ({@code policies/tag-policy.yaml}).
 *
 * @param requiredTags the required tags, in the file's order
 */
public record TagPolicy(List<RequiredTag> requiredTags) {
    public TagPolicy {
        requiredTags = List.copyOf(requiredTags);
    }

    /** The tags required on a resource type. */
    public List<RequiredTag> requiredOn(String resourceType) {
        return requiredTags.stream().filter(t -> t.appliesTo(resourceType)).toList();
    }
}
