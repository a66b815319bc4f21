package dev.tally.audit.scan.check;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One problem a check found on one resource.
 *
 * @param checkId        the check that found it ({@code idle-ec2})
 * @param severity       how much it matters
 * @param accountId      the owning account (12 digits)
 * @param region         the region code (for a bucket, the bucket's own region)
 * @param resourceArn    the resource ARN (what SARIF locations and JSON consumers key on)
 * @param resourceId     the short, human id ({@code i-0abc}, the load balancer or bucket name)
 * @param resourceType   {@code service:type} ({@code ec2:instance})
 * @param reason         one sentence saying precisely why it was flagged, with the measured numbers
 * @param recommendation what to do about it
 * @param costBasis      what acting on it would save, for the pricing stage
 * @param attributes     extra facts shown in reports (instance type, ASG, EKS cluster, ...), sorted by key
 */
public record Finding(
        String checkId,
        Severity severity,
        String accountId,
        String region,
        String resourceArn,
        String resourceId,
        String resourceType,
        String reason,
        String recommendation,
        CostBasis costBasis,
        Map<String, String> attributes) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(costBasis, "costBasis");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
