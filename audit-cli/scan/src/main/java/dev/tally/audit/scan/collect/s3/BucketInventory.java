package dev.tally.audit.scan.collect.s3;

import dev.tally.audit.scan.collect.BoundedParallel;
import dev.tally.audit.scan.collect.FailureLog;
import dev.tally.audit.scan.model.AclGrant;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.PolicyStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * An account's buckets in the scan's model. Each bucket's four reads go to a client of the bucket's own region and
 * fail independently: a denied ACL read leaves that bucket's grants empty and records why, the rest stays.
 */
public final class BucketInventory {
    private final BucketReader lister;
    private final Function<String, BucketReader> readerForRegion;
    private final BoundedParallel parallel;

    /**
     * @param lister          lists the buckets (any region's client will do: ListBuckets is global)
     * @param readerForRegion a reader whose client is in the given region (callers cache clients per region)
     */
    public BucketInventory(BucketReader lister, Function<String, BucketReader> readerForRegion,
                           BoundedParallel parallel) {
        this.lister = lister;
        this.readerForRegion = readerForRegion;
        this.parallel = parallel;
    }

    /** The buckets, or empty when ListBuckets itself failed (recorded). */
    public Optional<List<Bucket>> collect(String accountId, String fallbackRegion, FailureLog failures) {
        return failures.attempt(lister::buckets).map(buckets -> parallel.map(buckets, bucket -> {
            // BucketRegion comes with paginated ListBuckets; an old S3-compatible peer may omit it.
            String region = bucket.bucketRegion() == null || bucket.bucketRegion().isBlank()
                    ? fallbackRegion : bucket.bucketRegion();
            BucketReader reader = readerForRegion.apply(region);
            String name = bucket.name();
            Optional<BlockPublicAccess> block = failures.attempt(() -> reader.publicAccessBlock(name))
                    .flatMap(found -> found.map(BucketInventory::toModel));
            PolicyStatus policy = failures.attempt(() -> reader.policyIsPublic(name))
                    .map(found -> found.map(isPublic -> isPublic ? PolicyStatus.PUBLIC : PolicyStatus.NOT_PUBLIC)
                            .orElse(PolicyStatus.NO_POLICY))
                    .orElse(PolicyStatus.UNKNOWN);
            List<AclGrant> grants = failures.attempt(() -> reader.aclGrants(name)).orElse(List.of()).stream()
                    .map(BucketInventory::toModel)
                    .toList();
            Map<String, String> tags = failures.attempt(() -> reader.tags(name)).orElse(Map.of());
            return new Bucket(name, accountId, region, bucket.creationDate(), block, policy, grants, tags);
        }));
    }

    static BlockPublicAccess toModel(PublicAccessBlockConfiguration c) {
        return flags(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(), c.restrictPublicBuckets());
    }

    /** The account-level settings (S3 Control) in the model: the same four flags. */
    public static BlockPublicAccess toModel(
            software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration c) {
        return flags(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(), c.restrictPublicBuckets());
    }

    /** A flag S3 leaves out of the XML is off. */
    private static BlockPublicAccess flags(Boolean acls, Boolean ignoreAcls, Boolean policy, Boolean restrict) {
        return new BlockPublicAccess(Boolean.TRUE.equals(acls), Boolean.TRUE.equals(ignoreAcls),
                Boolean.TRUE.equals(policy), Boolean.TRUE.equals(restrict));
    }

    /** A group grantee is named by its URI, a user by canonical id (or e-mail for old grants). */
    static AclGrant toModel(Grant grant) {
        Grantee grantee = grant.grantee();
        String who = grantee == null ? "unknown"
                : grantee.uri() != null ? grantee.uri()
                : grantee.id() != null ? grantee.id()
                : grantee.emailAddress() != null ? grantee.emailAddress() : "unknown";
        return new AclGrant(who, grant.permissionAsString());
    }
}
