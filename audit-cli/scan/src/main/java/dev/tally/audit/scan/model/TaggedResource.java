package dev.tally.audit.scan.model;

import java.util.Map;
import java.util.Objects;

/**
 * A resource the Resource Groups Tagging API returned ({@code GetResources}). The API returns only resources that have,
 * or once had, a tag: never-tagged resources come from the describe calls instead.
 *
 * @param arn  the resource ARN
 * @param tags its tags (possibly empty: a resource whose tags were all removed)
 */
public record TaggedResource(String arn, Map<String, String> tags) {
    public TaggedResource {
        Objects.requireNonNull(arn, "arn");
        tags = Tags.copyOf(tags);
    }

    /** The {@code service:type} of the ARN ({@code ec2:instance}, {@code s3:bucket}, {@code lambda:function}). */
    public String resourceType() {
        return ResourceTypes.ofArn(arn);
    }
}
