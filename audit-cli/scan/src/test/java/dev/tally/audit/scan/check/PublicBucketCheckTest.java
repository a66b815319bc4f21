package dev.tally.audit.scan.check;

import static dev.tally.audit.scan.Fixtures.ACCOUNT;
import static dev.tally.audit.scan.Fixtures.bucket;
import static dev.tally.audit.scan.Fixtures.defaultPolicy;
import static dev.tally.audit.scan.Fixtures.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AclGrant;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.PolicyStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("public-bucket")
class PublicBucketCheckTest {
    private static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    private final PublicBucketCheck check = new PublicBucketCheck();

    private List<Finding> evaluate(Optional<BlockPublicAccess> account, Bucket... buckets) {
        return check.evaluate(inventory(List.of(), List.of(new AccountInventory(ACCOUNT, account, List.of(buckets),
                List.of()))), defaultPolicy());
    }

    private static Bucket aclPublic(String name, String grantee, String permission) {
        return bucket(name, Optional.empty(), PolicyStatus.NO_POLICY,
                List.of(new AclGrant(OWNER, "FULL_CONTROL"), new AclGrant(grantee, permission)));
    }

    @Test
    @DisplayName("an ACL granting READ to AllUsers with no Block Public Access is public, naming the fixing flag")
    void publicAcl() {
        assertThat(evaluate(Optional.empty(), aclPublic("site", AclGrant.ALL_USERS, "READ"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.reason()).isEqualTo("public: bucket ACL grants READ to AllUsers (anyone). "
                            + "IgnorePublicAcls would neutralise the ACL (BlockPublicAcls stops new public ACLs).");
                    assertThat(f.resourceArn()).isEqualTo("arn:aws:s3:::site");
                    assertThat(f.costBasis()).isInstanceOf(CostBasis.NotApplicable.class);
                });
    }

    @Test
    @DisplayName("AuthenticatedUsers (any AWS account) is public too; WRITE to AllUsers is critical")
    void authenticatedUsersAndWrite() {
        List<Finding> findings = evaluate(Optional.empty(), aclPublic("a-auth", AclGrant.AUTHENTICATED_USERS, "READ"),
                aclPublic("b-write", AclGrant.ALL_USERS, "WRITE"));
        assertThat(findings).extracting(Finding::resourceId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a-auth", Severity.HIGH),
                org.assertj.core.groups.Tuple.tuple("b-write", Severity.CRITICAL));
        assertThat(findings.get(0).reason()).contains("AuthenticatedUsers (any AWS account)");
    }

    @Test
    @DisplayName("a public policy is public unless RestrictPublicBuckets is on at bucket or account level")
    void publicPolicy() {
        Bucket policyOnly = bucket("data", Optional.empty(), PolicyStatus.PUBLIC, List.of(new AclGrant(OWNER, "FULL_CONTROL")));
        assertThat(evaluate(Optional.empty(), policyOnly)).singleElement().extracting(Finding::reason).isEqualTo(
                "public: bucket policy is public (GetBucketPolicyStatus IsPublic=true). RestrictPublicBuckets would "
                        + "restrict the policy to AWS services and this account (BlockPublicPolicy stops new public "
                        + "policies).");

        Bucket restricted = bucket("data", Optional.of(new BlockPublicAccess(false, false, false, true)),
                PolicyStatus.PUBLIC, List.of());
        assertThat(evaluate(Optional.empty(), restricted)).isEmpty();
        // BlockPublicPolicy alone does not make an existing public policy private.
        Bucket onlyBlocksNew = bucket("data", Optional.of(new BlockPublicAccess(true, true, true, false)),
                PolicyStatus.PUBLIC, List.of());
        assertThat(evaluate(Optional.empty(), onlyBlocksNew)).hasSize(1);
    }

    @Test
    @DisplayName("IgnorePublicAcls on the bucket neutralises a public ACL; BlockPublicAcls alone does not")
    void bucketLevelAclFlags() {
        Bucket ignored = new Bucket("ign", ACCOUNT, "eu-west-1", java.time.Instant.EPOCH,
                Optional.of(new BlockPublicAccess(false, true, false, false)), PolicyStatus.NO_POLICY,
                List.of(new AclGrant(AclGrant.ALL_USERS, "READ")), java.util.Map.of());
        Bucket blockedOnlyForNew = new Bucket("blk", ACCOUNT, "eu-west-1", java.time.Instant.EPOCH,
                Optional.of(new BlockPublicAccess(true, false, true, true)), PolicyStatus.NO_POLICY,
                List.of(new AclGrant(AclGrant.ALL_USERS, "READ")), java.util.Map.of());
        assertThat(evaluate(Optional.empty(), ignored, blockedOnlyForNew)).extracting(Finding::resourceId)
                .containsExactly("blk");
    }

    @Test
    @DisplayName("account-level IgnorePublicAcls + RestrictPublicBuckets short-circuits: no finding for any bucket")
    void accountLevelShortCircuit() {
        Bucket wideOpen = bucket("open", Optional.empty(), PolicyStatus.PUBLIC,
                List.of(new AclGrant(AclGrant.ALL_USERS, "FULL_CONTROL")));
        assertThat(evaluate(Optional.of(BlockPublicAccess.ALL_ON), wideOpen)).isEmpty();
        assertThat(evaluate(Optional.of(new BlockPublicAccess(false, true, false, true)), wideOpen)).isEmpty();
    }

    @Test
    @DisplayName("account-level flags combine with bucket flags: account IgnorePublicAcls leaves only the policy")
    void accountAndBucketFlagsCombine() {
        Bucket both = bucket("both", Optional.empty(), PolicyStatus.PUBLIC, List.of(new AclGrant(AclGrant.ALL_USERS, "READ")));
        assertThat(evaluate(Optional.of(new BlockPublicAccess(true, true, false, false)), both)).singleElement()
                .satisfies(f -> {
                    assertThat(f.reason()).contains("bucket policy is public").doesNotContain("ACL grants");
                    assertThat(f.attributes()).containsEntry("accountBlockPublicAccess", "BlockPublicAcls+IgnorePublicAcls")
                            .containsEntry("bucketBlockPublicAccess", "none");
                });
    }

    @Test
    @DisplayName("a private bucket, and a bucket whose policy status is unknown, are not flagged")
    void privateAndUnknown() {
        Bucket privateBucket = bucket("private", Optional.empty(), PolicyStatus.NOT_PUBLIC,
                List.of(new AclGrant(OWNER, "FULL_CONTROL"),
                        new AclGrant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE")));
        Bucket unknown = bucket("unknown", Optional.empty(), PolicyStatus.UNKNOWN, List.of());
        assertThat(evaluate(Optional.empty(), privateBucket, unknown)).isEmpty();
    }
}
