package dev.tally.audit.scan.check;

import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AclGrant;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.PolicyStatus;
import dev.tally.audit.scan.model.ScanInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code public-bucket}: S3 buckets anyone can reach, stated the way Prowler's {@code s3_bucket_public_access} does.
 *
 * <ol>
 *   <li>If the account's Block Public Access has both {@code IgnorePublicAcls} and {@code RestrictPublicBuckets} on,
 *       no bucket of the account can be public (public ACLs are ignored, public policies restricted to the owner and
 *       AWS services), so the account is skipped without per-bucket noise.</li>
 *   <li>Otherwise each bucket's effective settings are the account's and the bucket's flags combined (either level
 *       turning a flag on is enough). The bucket is public through its ACL when it grants any permission to
 *       {@code AllUsers} or {@code AuthenticatedUsers} (any AWS account) and {@code IgnorePublicAcls} is off, and
 *       through its policy when {@code GetBucketPolicyStatus} says {@code IsPublic} and
 *       {@code RestrictPublicBuckets} is off.</li>
 * </ol>
 * A policy whose status could not be read is not guessed at: the failure is reported instead.
 */
public final class PublicBucketCheck implements Check {
    public static final String ID = "public-bucket";
    private static final Set<String> WRITE_PERMISSIONS = Set.of("WRITE", "WRITE_ACP", "FULL_CONTROL");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Public S3 bucket";
    }

    @Override
    public String description() {
        return "An S3 bucket is public when its ACL grants AllUsers or AuthenticatedUsers and IgnorePublicAcls is off "
                + "(bucket and account), or its policy is public (GetBucketPolicyStatus) and RestrictPublicBuckets is "
                + "off. Accounts whose Block Public Access has IgnorePublicAcls and RestrictPublicBuckets on are skipped.";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.HIGH;
    }

    @Override
    public boolean estimatesSavings() {
        return false;
    }

    @Override
    public CollectionScope requirements(CollectionScope scope, AuditPolicy policy) {
        return new CollectionScope(scope.instances(), scope.instanceMetricDays(), scope.loadBalancers(),
                scope.loadBalancerMetricDays(), true, scope.taggedResources(), scope.lastDay());
    }

    @Override
    public List<Finding> evaluate(ScanInventory inventory, AuditPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        for (AccountInventory account : inventory.accounts()) {
            BlockPublicAccess accountLevel = account.accountBlockPublicAccess().orElse(BlockPublicAccess.ALL_OFF);
            if (accountLevel.ignorePublicAcls() && accountLevel.restrictPublicBuckets()) {
                continue;
            }
            for (Bucket bucket : account.buckets()) {
                evaluate(bucket, accountLevel).ifPresent(findings::add);
            }
        }
        findings.sort(Comparator.comparing(Finding::accountId).thenComparing(Finding::resourceId));
        return findings;
    }

    private Optional<Finding> evaluate(Bucket bucket, BlockPublicAccess accountLevel) {
        BlockPublicAccess effective = bucket.blockPublicAccess().map(accountLevel::or).orElse(accountLevel);
        List<String> mechanisms = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        Severity severity = defaultSeverity();
        if (!effective.ignorePublicAcls()) {
            List<AclGrant> publicGrants = bucket.aclGrants().stream().filter(AclGrant::isPublic).toList();
            for (AclGrant grant : publicGrants) {
                mechanisms.add("bucket ACL grants " + grant.permission() + " to " + groupName(grant.grantee()));
                if (AclGrant.ALL_USERS.equals(grant.grantee()) && WRITE_PERMISSIONS.contains(grant.permission())) {
                    severity = Severity.CRITICAL;
                }
            }
            if (!publicGrants.isEmpty()) {
                fixes.add("IgnorePublicAcls would neutralise the ACL (BlockPublicAcls stops new public ACLs)");
            }
        }
        if (!effective.restrictPublicBuckets() && bucket.policyStatus() == PolicyStatus.PUBLIC) {
            mechanisms.add("bucket policy is public (GetBucketPolicyStatus IsPublic=true)");
            fixes.add("RestrictPublicBuckets would restrict the policy to AWS services and this account "
                    + "(BlockPublicPolicy stops new public policies)");
        }
        if (mechanisms.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("bucketBlockPublicAccess", bucket.blockPublicAccess().map(PublicBucketCheck::flags).orElse("none"));
        attributes.put("accountBlockPublicAccess", flags(accountLevel));
        String reason = "public: " + String.join("; ", mechanisms) + ". " + String.join("; ", fixes) + ".";
        return Optional.of(new Finding(ID, severity, bucket.accountId(), bucket.region(), bucket.arn(),
                bucket.name(), "s3:bucket", reason,
                "Unless it serves public content on purpose (prefer CloudFront with origin access control), turn on "
                        + "Block Public Access for the bucket (all four flags) and remove the public grant or statement.",
                new CostBasis.NotApplicable("exposure, not spend"), attributes));
    }

    private static String groupName(String uri) {
        return AclGrant.ALL_USERS.equals(uri) ? "AllUsers (anyone)" : "AuthenticatedUsers (any AWS account)";
    }

    /** The flags that are on, or "all off". */
    private static String flags(BlockPublicAccess bpa) {
        List<String> on = new ArrayList<>();
        if (bpa.blockPublicAcls()) {
            on.add("BlockPublicAcls");
        }
        if (bpa.ignorePublicAcls()) {
            on.add("IgnorePublicAcls");
        }
        if (bpa.blockPublicPolicy()) {
            on.add("BlockPublicPolicy");
        }
        if (bpa.restrictPublicBuckets()) {
            on.add("RestrictPublicBuckets");
        }
        return on.isEmpty() ? "all off" : String.join("+", on);
    }
}
