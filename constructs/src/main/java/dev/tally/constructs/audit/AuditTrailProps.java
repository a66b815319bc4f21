package dev.tally.constructs.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;

/**
 * Immutable configuration of an {@link AuditTrail}. Build it with {@link #builder()}: every prop has a default, and
 * {@link Builder#build()} rejects invalid values and every prop that would break write-once-read-many retention,
 * naming each bad prop in one {@link InvalidAuditTrailPropsException}.
 */
public final class AuditTrailProps {

  /** Default retention: one year, what PCI DSS 10.5.1 asks of audit logs (three months of them at hand). */
  public static final int DEFAULT_RETENTION_DAYS = 365;

  /** Default retention of the trail's and the access logs' CloudWatch log groups. */
  public static final RetentionDays DEFAULT_LOG_RETENTION = RetentionDays.ONE_YEAR;

  /** Days after which the default lifecycle rule moves log files to Glacier Instant Retrieval. */
  public static final int DEFAULT_TRANSITION_DAYS = 90;

  private final AuditLockMode lockMode;
  private final Integer retentionDays;
  private final Integer retentionYears;
  private final RemovalPolicy removalPolicy;
  private final boolean autoDeleteObjects;
  private final List<LifecycleRule> lifecycleRules;
  private final IKey encryptionKey;
  private final RetentionDays logRetention;
  private final List<IBucket> dataEventBuckets;
  private final List<IFunction> dataEventFunctions;

  private AuditTrailProps(Builder b) {
    lockMode = b.lockMode;
    retentionYears = b.retentionYears;
    retentionDays = b.retentionDays == null && b.retentionYears == null ? Integer.valueOf(DEFAULT_RETENTION_DAYS) : b.retentionDays;
    removalPolicy = b.removalPolicy;
    autoDeleteObjects = b.autoDeleteObjects;
    lifecycleRules = b.lifecycleRules == null ? null : Collections.unmodifiableList(new ArrayList<>(b.lifecycleRules));
    encryptionKey = b.encryptionKey;
    logRetention = b.logRetention;
    dataEventBuckets = b.dataEventBuckets == null ? null : Collections.unmodifiableList(new ArrayList<>(b.dataEventBuckets));
    dataEventFunctions = b.dataEventFunctions == null ? null
        : Collections.unmodifiableList(new ArrayList<>(b.dataEventFunctions));
  }

  /** A builder with every default filled in. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Object Lock mode. Default {@link AuditLockMode#COMPLIANCE}: no one can delete a log file before its retention
   * ends. {@link AuditLockMode#GOVERNANCE} lets privileged users bypass the lock and adds a warning annotation.
   */
  public AuditLockMode lockMode() { return lockMode; }

  /**
   * Object Lock default retention in days (1-36500). Default {@value #DEFAULT_RETENTION_DAYS} unless
   * {@link #retentionYears()} is set; give one or the other, never both. Retention 0 is refused: it is no lock.
   */
  public Integer retentionDays() { return retentionDays; }

  /** Object Lock default retention in years (1-100), e.g. 7 for SEC 17a-4 style retention. Default unset. */
  public Integer retentionYears() { return retentionYears; }

  /** The retention in days, years counted as 365 days (how lifecycle rules are checked against it). */
  public int retentionInDays() {
    return retentionYears != null ? retentionYears * 365 : retentionDays == null ? 0 : retentionDays;
  }

  /**
   * Removal policy of the buckets and the log groups. Default {@code RETAIN}; {@code DESTROY} is refused (a stack
   * deletion must not be a way to destroy evidence, and a locked bucket cannot be emptied anyway).
   */
  public RemovalPolicy removalPolicy() { return removalPolicy; }

  /** Whether to empty the bucket on stack deletion. Default {@code false}; {@code true} is refused. */
  public boolean autoDeleteObjects() { return autoDeleteObjects; }

  /**
   * Lifecycle rules of the audit bucket. Default: one rule moving log files to Glacier Instant Retrieval after
   * {@value #DEFAULT_TRANSITION_DAYS} days (about 80% cheaper per GB than S3 Standard, same millisecond reads) and
   * expiring them when the retention ends. A rule whose {@code expiration} (or {@code expirationDate}) comes before
   * the retention ends is refused. Noncurrent-version expirations are allowed: Object Lock keeps a locked version
   * whatever a lifecycle rule says.
   */
  public List<LifecycleRule> lifecycleRules() { return lifecycleRules; }

  /**
   * Customer-managed KMS key for the log files, the bucket and the log groups. Default: a new key that rotates
   * yearly (USD 1 a month). A key you pass must allow CloudTrail and the regional CloudWatch Logs principal to use it.
   */
  public IKey encryptionKey() { return encryptionKey; }

  /** Retention of the CloudWatch log groups (the trail's, and the access logs'). Default one year. */
  public RetentionDays logRetention() { return logRetention; }

  /**
   * Buckets whose object-level (data) events the trail records. Default none: data events cost USD 0.10 per 100,000,
   * which on a busy bucket is real money; name the buckets an auditor asks about.
   */
  public List<IBucket> dataEventBuckets() { return dataEventBuckets; }

  /** Functions whose invocations (data events) the trail records. Default none, for the same reason. */
  public List<IFunction> dataEventFunctions() { return dataEventFunctions; }

  /** Builds {@link AuditTrailProps}; {@link #build()} validates. */
  public static final class Builder {
    private AuditLockMode lockMode = AuditLockMode.COMPLIANCE;
    private Integer retentionDays;
    private Integer retentionYears;
    private RemovalPolicy removalPolicy = RemovalPolicy.RETAIN;
    private boolean autoDeleteObjects;
    private List<LifecycleRule> lifecycleRules;
    private IKey encryptionKey;
    private RetentionDays logRetention = DEFAULT_LOG_RETENTION;
    private List<IBucket> dataEventBuckets = List.of();
    private List<IFunction> dataEventFunctions = List.of();

    private Builder() {}

    /** See {@link AuditTrailProps#lockMode()}. */
    public Builder lockMode(AuditLockMode value) { lockMode = value; return this; }

    /** See {@link AuditTrailProps#retentionDays()}. */
    public Builder retentionDays(int value) { retentionDays = value; return this; }

    /** See {@link AuditTrailProps#retentionYears()}. */
    public Builder retentionYears(int value) { retentionYears = value; return this; }

    /** See {@link AuditTrailProps#removalPolicy()}. */
    public Builder removalPolicy(RemovalPolicy value) { removalPolicy = value; return this; }

    /** See {@link AuditTrailProps#autoDeleteObjects()}. */
    public Builder autoDeleteObjects(boolean value) { autoDeleteObjects = value; return this; }

    /** See {@link AuditTrailProps#lifecycleRules()}. */
    public Builder lifecycleRules(List<LifecycleRule> value) { lifecycleRules = value; return this; }

    /** See {@link AuditTrailProps#encryptionKey()}. */
    public Builder encryptionKey(IKey value) { encryptionKey = value; return this; }

    /** See {@link AuditTrailProps#logRetention()}. */
    public Builder logRetention(RetentionDays value) { logRetention = value; return this; }

    /** See {@link AuditTrailProps#dataEventBuckets()}. */
    public Builder dataEventBuckets(List<IBucket> value) { dataEventBuckets = value; return this; }

    /** See {@link AuditTrailProps#dataEventFunctions()}. */
    public Builder dataEventFunctions(List<IFunction> value) { dataEventFunctions = value; return this; }

    /**
     * Validates and builds.
     *
     * @throws InvalidAuditTrailPropsException naming every invalid or WORM-breaking prop
     */
    public AuditTrailProps build() {
      AuditTrailProps props = new AuditTrailProps(this);
      AuditTrailPropsValidation.requireValid(props);
      return props;
    }
  }
}
