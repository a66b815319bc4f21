package dev.tally.apps;

import dev.tally.constructs.audit.AuditTrail;
import dev.tally.constructs.audit.AuditTrailProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The audit trail of one environment: an {@link AuditTrail} (Object Lock in COMPLIANCE mode, multi-region CloudTrail)
 * whose access log group the environment's other stacks write to. Every environment has one, from this same class.
 */
public final class AuditStack extends Stack {

  /** Construct id of the trail inside the stack; part of every resource path (and suppression path). */
  public static final String TRAIL_ID = "Trail";

  /** Object Lock retention in production: a year, what PCI DSS 10.5.1 asks of audit logs. */
  public static final int PRODUCTION_RETENTION_DAYS = 365;

  /** Object Lock retention elsewhere: a month, so a staging account does not keep locked files for a year. */
  public static final int NON_PRODUCTION_RETENTION_DAYS = 30;

  private final AuditTrail trail;

  public AuditStack(Construct scope, String id, StackProps props, EnvironmentSizing sizing) {
    super(scope, id, props);
    this.trail = new AuditTrail(this, TRAIL_ID, AuditTrailProps.builder()
        .retentionDays(sizing.production() ? PRODUCTION_RETENTION_DAYS : NON_PRODUCTION_RETENTION_DAYS)
        .logRetention(sizing.production() ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH)
        .build());
  }

  /** The trail, for stacks that send it their logs. */
  public AuditTrail getTrail() {
    return trail;
  }
}
