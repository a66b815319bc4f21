package dev.tally.audit.scan.check;

import dev.tally.audit.scan.check.tags.TagPolicy;
import java.util.Objects;

/**
 * Everything the checks are configured by: the thresholds ({@code policies/audit/thresholds.yaml} plus flags) and
 * the tag policy ({@code policies/tag-policy.yaml}).
 *
 * @param thresholds the idle and orphan thresholds
 * @param tagPolicy  the required cost-allocation tags
 */
public record AuditPolicy(Thresholds thresholds, TagPolicy tagPolicy) {
    public AuditPolicy {
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(tagPolicy, "tagPolicy");
    }
}
