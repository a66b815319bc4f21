package dev.tally.constructs.defaults;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Default props for CloudWatch Logs log groups. */
public final class LogGroupDefaults {

  /** One month: long enough to investigate the last renewal window, short enough not to pay for logs forever. */
  public static final RetentionDays DEFAULT_RETENTION = RetentionDays.ONE_MONTH;

  private LogGroupDefaults() {}

  /**
   * A log group with a finite retention. Logs are kept on stack deletion only in production, where they may be
   * evidence; elsewhere they go with the stack so that short-lived environments leave nothing behind.
   */
  public static LogGroupProps.Builder logGroupProps(RetentionDays retention, boolean production) {
    return LogGroupProps.builder()
        .retention(retention)
        .removalPolicy(production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
  }

  /**
   * An evidence log group: encrypted with a customer-managed key (whose policy must let the regional CloudWatch
   * Logs principal use it), a finite retention, and RETAINed in every environment. KMS adds no per-event charge
   * for log groups beyond the key's USD 1 a month.
   */
  public static LogGroupProps.Builder evidenceLogGroupProps(RetentionDays retention, IKey key) {
    return LogGroupProps.builder()
        .retention(retention)
        .encryptionKey(key)
        .removalPolicy(RemovalPolicy.RETAIN);
  }
}
