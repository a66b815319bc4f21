package dev.tally.constructs.audit;

/** S3 Object Lock retention mode of the {@link AuditTrail} bucket. */
public enum AuditLockMode {
  /**
   * Nobody, the account root user included, can delete or overwrite a locked object version or shorten its
   * retention until it ends. What auditors mean by WORM (SEC 17a-4, PCI DSS 10.5).
   */
  COMPLIANCE,
  /**
   * Users with {@code s3:BypassGovernanceRetention} can delete locked versions or shorten retention. For trying the
   * construct out; the construct adds a warning annotation, because such logs are not tamper-evident to an auditor.
   */
  GOVERNANCE
}
