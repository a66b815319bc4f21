package dev.tally.constructs.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.LifecycleRule;

/**
 * Checks {@link AuditTrailProps} before anything is synthesized, collecting every problem so the user sees them all
 * at once. Besides plain range checks it refuses every prop that would let log files be deleted before their
 * retention ends: the construct's one promise.
 */
final class AuditTrailPropsValidation {

  private static final int MAX_RETENTION_DAYS = 36_500;
  private static final int MAX_RETENTION_YEARS = 100;

  private final List<String> problems = new ArrayList<>();

  private AuditTrailPropsValidation() {}

  static void requireValid(AuditTrailProps p) {
    List<String> problems = new AuditTrailPropsValidation().check(p);
    if (!problems.isEmpty()) {
      throw new InvalidAuditTrailPropsException(problems);
    }
  }

  private List<String> check(AuditTrailProps p) {
    if (p.lockMode() == null) {
      problems.add("lockMode is required (COMPLIANCE, or GOVERNANCE for trials)");
    }
    checkRetention(p);
    if (p.removalPolicy() != RemovalPolicy.RETAIN) {
      problems.add("removalPolicy must be RETAIN: " + p.removalPolicy() + " would let a stack deletion destroy"
          + " the audit trail (and a locked bucket cannot be emptied anyway)");
    }
    if (p.autoDeleteObjects()) {
      problems.add("autoDeleteObjects must be false: emptying the bucket on stack deletion breaks WORM retention");
    }
    checkLifecycle(p);
    if (p.logRetention() == null) {
      problems.add("logRetention is required (e.g. RetentionDays.ONE_YEAR)");
    }
    if (p.dataEventBuckets() == null || p.dataEventBuckets().contains(null)) {
      problems.add("dataEventBuckets must be a list without null entries (empty for none)");
    }
    if (p.dataEventFunctions() == null || p.dataEventFunctions().contains(null)) {
      problems.add("dataEventFunctions must be a list without null entries (empty for none)");
    }
    return problems;
  }

  private void checkRetention(AuditTrailProps p) {
    if (p.retentionDays() != null && p.retentionYears() != null) {
      problems.add("retentionDays and retentionYears are both set (" + p.retentionDays() + " days, "
          + p.retentionYears() + " years): give one of them");
      return;
    }
    if (p.retentionDays() != null && (p.retentionDays() < 1 || p.retentionDays() > MAX_RETENTION_DAYS)) {
      problems.add("retentionDays must be 1-" + MAX_RETENTION_DAYS + " days (was " + p.retentionDays()
          + (p.retentionDays() == 0 ? ": retention 0 is no lock at all" : "") + ")");
    }
    if (p.retentionYears() != null && (p.retentionYears() < 1 || p.retentionYears() > MAX_RETENTION_YEARS)) {
      problems.add("retentionYears must be 1-" + MAX_RETENTION_YEARS + " years (was " + p.retentionYears()
          + (p.retentionYears() == 0 ? ": retention 0 is no lock at all" : "") + ")");
    }
  }

  private void checkLifecycle(AuditTrailProps p) {
    if (p.lifecycleRules() == null) {
      return; // the default rule
    }
    int retention = p.retentionInDays();
    for (int i = 0; i < p.lifecycleRules().size(); i++) {
      LifecycleRule rule = p.lifecycleRules().get(i);
      if (rule == null) {
        problems.add("lifecycleRules[" + i + "] is null");
        continue;
      }
      if (rule.getExpiration() != null && rule.getExpiration().toDays().doubleValue() < retention) {
        problems.add("lifecycleRules[" + i + "].expiration (" + rule.getExpiration().toDays() + " days) expires log"
            + " files before the " + retention + "-day retention ends: make it at least " + retention + " days");
      }
      if (rule.getExpirationDate() != null
          && rule.getExpirationDate().isBefore(Instant.now().plus(retention, ChronoUnit.DAYS))) {
        problems.add("lifecycleRules[" + i + "].expirationDate (" + rule.getExpirationDate()
            + ") comes before the " + retention + "-day retention of files written today ends: drop it or use"
            + " expiration of at least " + retention + " days");
      }
    }
  }
}
