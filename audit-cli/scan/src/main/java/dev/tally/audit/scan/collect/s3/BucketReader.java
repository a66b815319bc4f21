package dev.tally.audit.scan.collect.s3;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Reads an account's buckets and what decides whether each is public: bucket-level Block Public Access, policy
 * status, ACL grants and tags. The "not configured" answers S3 gives as errors
 * ({@code NoSuchPublicAccessBlockConfiguration}, {@code NoSuchBucketPolicy}, {@code NoSuchTagSet}) are read as
 * empty results, not failures.
 *
 * <p>Per-bucket calls must go to the bucket's own region (S3 answers a wrong-region call with a 301), so callers use
 * a client of that region; {@link #buckets()} gives each bucket's region.
 */
public final class BucketReader {
    /** Asking for pages makes ListBuckets paginate and return {@code BucketRegion}; 1,000 is a full page. */
    static final int PAGE_SIZE = 1000;

    private final S3Client s3;

    public BucketReader(S3Client s3) {
        this.s3 = s3;
    }

    /** Every bucket of the account with its region ({@code s3:ListAllMyBuckets}), across all pages. */
    public List<Bucket> buckets() {
        return AwsCall.named("S3", "ListBuckets", () ->
                s3.listBucketsPaginator(r -> r.maxBuckets(PAGE_SIZE)).buckets().stream().toList());
    }

    /** The bucket's Block Public Access settings, or empty when none are configured. */
    public Optional<PublicAccessBlockConfiguration> publicAccessBlock(String bucket) {
        return AwsCall.named("S3", "GetPublicAccessBlock", () -> {
            try {
                return Optional.of(s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration());
            } catch (AwsServiceException e) {
                if (hasCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Whether the bucket policy is public, or empty when the bucket has no policy. */
    public Optional<Boolean> policyIsPublic(String bucket) {
        return AwsCall.named("S3", "GetBucketPolicyStatus", () -> {
            try {
                return Optional.of(Boolean.TRUE.equals(
                        s3.getBucketPolicyStatus(r -> r.bucket(bucket)).policyStatus().isPublic()));
            } catch (AwsServiceException e) {
                if (hasCode(e, "NoSuchBucketPolicy")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public List<Grant> aclGrants(String bucket) {
        return AwsCall.named("S3", "GetBucketAcl", () -> s3.getBucketAcl(r -> r.bucket(bucket)).grants());
    }

    /** The bucket's tags; empty when it has none ({@code NoSuchTagSet}). */
    public Map<String, String> tags(String bucket) {
        return AwsCall.named("S3", "GetBucketTagging", () -> {
            try {
                Map<String, String> tags = new TreeMap<>();
                for (Tag tag : s3.getBucketTagging(r -> r.bucket(bucket)).tagSet()) {
                    tags.put(tag.key(), tag.value());
                }
                return tags;
            } catch (AwsServiceException e) {
                if (hasCode(e, "NoSuchTagSet")) {
                    return Map.of();
                }
                throw e;
            }
        });
    }

    static boolean hasCode(AwsServiceException e, String code) {
        return e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode());
    }
}
