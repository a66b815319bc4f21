package dev.tally.constructs.finops;

import java.util.Locale;

/**
 * The list prices FinOps findings quote: on-demand, us-east-1, USD, as published in December 2026. One definition
 * of each, so every finding states the same assumption. Prices differ by region and change; the figures are for
 * ranking fixes, not for billing.
 */
public final class Prices {

  /** Hours in an average month (8,760 / 12). */
  public static final double HOURS_PER_MONTH = 730;
  /** Lambda compute, x86_64, per GB-second. */
  public static final double LAMBDA_X86_GB_SECOND = 0.0000166667;
  /** Lambda compute, arm64, per GB-second. */
  public static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
  /** Lambda provisioned concurrency, arm64, per GB-second kept warm. */
  public static final double LAMBDA_ARM_PROVISIONED_GB_SECOND = 0.0000033334;
  /** CloudWatch Logs archived storage, per GB-month. */
  public static final double LOGS_STORAGE_GB_MONTH = 0.03;
  /** S3 Standard, per GB-month (first 50 TB). */
  public static final double S3_STANDARD_GB_MONTH = 0.023;
  /** S3 Glacier Instant Retrieval, per GB-month. */
  public static final double S3_GLACIER_IR_GB_MONTH = 0.004;
  /** DynamoDB provisioned write capacity unit, per hour. */
  public static final double DYNAMODB_WCU_HOUR = 0.00065;
  /** DynamoDB provisioned read capacity unit, per hour. */
  public static final double DYNAMODB_RCU_HOUR = 0.00013;
  /** NAT gateway, per hour (data processing of USD 0.045/GB comes on top). */
  public static final double NAT_GATEWAY_HOUR = 0.045;
  /** EBS gp2, per GB-month. */
  public static final double EBS_GP2_GB_MONTH = 0.10;
  /** EBS gp3, per GB-month (3,000 IOPS and 125 MB/s included). */
  public static final double EBS_GP3_GB_MONTH = 0.08;
  /** How much less a Graviton instance costs than its x86 equivalent of the same size, typically. */
  public static final double GRAVITON_SAVING = 0.20;

  private Prices() {}

  /** {@code ~USD 12.34}. */
  public static String usd(double amount) {
    return String.format(Locale.ROOT, amount < 10 ? "~USD %.2f" : "~USD %.0f", amount);
  }
}
