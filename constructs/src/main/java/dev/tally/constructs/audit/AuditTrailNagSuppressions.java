package dev.tally.constructs.audit;

import dev.tally.constructs.compliance.DesignSuppression;
import dev.tally.constructs.compliance.DesignSuppressions;
import dev.tally.constructs.compliance.NagPacks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.constructs.IConstruct;

/**
 * The findings the audit trail accepts about its own design, each on the one resource it concerns, with the reason,
 * owner and expiry the gate checks. All of them come from the NIST 800-53 R5, PCI DSS 3.2.1 and HIPAA Security packs,
 * which share these rules; AwsSolutions and Serverless find nothing to accept.
 */
final class AuditTrailNagSuppressions {

  /** Who answers for these suppressions. */
  static final String OWNER = "platform-team";
  /** When they must be re-justified (at most a year ahead). */
  static final LocalDate EXPIRES = LocalDate.of(2027, 6, 30);

  private static final List<String> REGULATED_PACKS = List.of(NagPacks.NIST_800_53_R5, NagPacks.PCI_DSS_321,
      NagPacks.HIPAA_SECURITY);

  private AuditTrailNagSuppressions() {}

  /** Cross-region replication is regional disaster recovery, not integrity or retention, and doubles the cost. */
  static void singleRegionBucket(IConstruct bucket) {
    add(bucket, "S3BucketReplicationEnabled", "The bucket lives in one region by design: Object Lock and versioning"
        + " already make its files undeletable; replicating them to a second region (a second Object Lock bucket)"
        + " doubles storage and adds USD 0.02/GB of transfer for regional disaster recovery, which the audit"
        + " requirement (integrity and retention) does not ask for.");
  }

  /** S3 server access log delivery writes only to SSE-S3 buckets. */
  static void sseS3LogTarget(IConstruct bucket) {
    add(bucket, "S3DefaultEncryptionKMS", "S3 server access log delivery supports only SSE-S3 (AES256) default"
        + " encryption on the target bucket; a KMS default would make delivery fail. The files are still encrypted"
        + " at rest and the bucket is TLS-only and private.");
  }

  /** The CDK trail's role writes to one log group through an inline policy. */
  static void trailLogsRolePolicy(IConstruct policy) {
    add(policy, "IAMNoInlinePolicy", "CloudTrail's role for CloudWatch Logs has one inline policy allowing"
        + " CreateLogStream and PutLogEvents on this trail's log group only; a customer-managed policy would hold the"
        + " same two statements with a lifecycle of its own, and AWS managed policies are broader.");
  }

  private static void add(IConstruct scope, String rule, String reason) {
    List<DesignSuppression> suppressions = new ArrayList<>();
    for (String pack : REGULATED_PACKS) {
      suppressions.add(DesignSuppression.of(pack + "-" + rule, reason, OWNER, EXPIRES));
    }
    DesignSuppressions.add(scope, suppressions.toArray(DesignSuppression[]::new));
  }
}
