package dev.tally.audit.scan.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 bucket and what decides whether it is public.
 *
 * @param name              the bucket name
 * @param accountId         the owning account (12 digits)
 * @param region            the bucket's region ({@code GetBucketLocation}; {@code us-east-1} for a null constraint)
 * @param createdTime       {@code CreationDate} from {@code ListBuckets}, UTC
 * @param blockPublicAccess the bucket-level Block Public Access settings, or empty when none are configured
 *                          ({@code NoSuchPublicAccessBlockConfiguration}) or they could not be read
 * @param policyStatus      whether the bucket policy is public
 * @param aclGrants         the bucket ACL's grants (empty when they could not be read: a {@link ScanFailure} says so)
 * @param tags              its tags ({@code GetBucketTagging}; empty for {@code NoSuchTagSet})
 */
public record Bucket(
        String name,
        String accountId,
        String region,
        Instant createdTime,
        Optional<BlockPublicAccess> blockPublicAccess,
        PolicyStatus policyStatus,
        List<AclGrant> aclGrants,
        Map<String, String> tags) {

    public Bucket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(policyStatus, "policyStatus");
        blockPublicAccess = blockPublicAccess == null ? Optional.empty() : blockPublicAccess;
        aclGrants = aclGrants == null ? List.of() : List.copyOf(aclGrants);
        tags = Tags.copyOf(tags);
    }

    /** {@code arn:aws:s3:::<name>}. */
    public String arn() {
        return "arn:aws:s3:::" + name;
    }
}
