package dev.tally.constructs.audit;

import dev.tally.constructs.defaults.CloudTrailDefaults;
import dev.tally.constructs.defaults.KmsDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.S3Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudtrail.S3EventSelector;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * A tamper-evident audit trail: a multi-region CloudTrail trail with log file validation writing into an S3 bucket
 * under Object Lock (COMPLIANCE mode by default), and into a CloudWatch log group for searching and alarms.
 *
 * <pre>
 * CloudTrail (all regions, management events, chosen data events, file validation)
 *   ├─► Bucket: Object Lock default retention, versioned, SSE-KMS (rotating CMK), TLS-only, no public access, RETAIN
 *   │     └─► server access logs ─► ServerAccessLogs bucket (SSE-S3: the only encryption log delivery supports)
 *   └─► TrailLogs log group (KMS, retention)
 * AccessLogs log group (KMS, retention): point API Gateway stages (and other constructs) at it
 * </pre>
 *
 * <p>Props that would break write-once-read-many retention (auto-delete, {@code DESTROY}, a lifecycle expiry before
 * the retention ends, retention 0) are refused by {@link AuditTrailProps.Builder#build()}.
 */
public final class AuditTrail extends Construct {

  /** Acknowledgement id of the warning a GOVERNANCE-mode trail carries. */
  public static final String GOVERNANCE_WARNING_ID = "@tally/audit:governanceMode";

  /** Key prefix of the audit bucket's server access logs in the log bucket. */
  public static final String SERVER_ACCESS_LOG_PREFIX = "audit-bucket/";

  private final AuditTrailProps props;
  private final IKey key;
  private final Bucket serverAccessLogsBucket;
  private final Bucket bucket;
  private final LogGroup trailLogGroup;
  private final LogGroup accessLogGroup;
  private final Trail trail;

  /**
   * Creates the trail.
   *
   * @param props validated by {@link AuditTrailProps.Builder#build()}; must not be null
   */
  public AuditTrail(Construct scope, String id, AuditTrailProps props) {
    super(scope, id);
    if (props == null) {
      throw new InvalidAuditTrailPropsException(List.of("props are required (AuditTrailProps.builder())"));
    }
    this.props = props;
    key = props.encryptionKey() != null ? props.encryptionKey() : createKey();
    int retention = props.retentionInDays();
    // Log delivery writes only to SSE-S3 buckets without Object Lock default retention; this bucket holds who read
    // the audit files, and expires with the same retention.
    serverAccessLogsBucket = new Bucket(this, "ServerAccessLogs", S3Defaults.secureBucketProps()
        .lifecycleRules(List.of(LifecycleRule.builder().id("expire-after-retention")
            .expiration(Duration.days(retention))
            .noncurrentVersionExpiration(Duration.days(1))
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build()))
        .build());
    bucket = new Bucket(this, "Bucket", S3Defaults.secureBucketProps()
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true) // one KMS request per bucket key, not per log file: ~99% fewer KMS charges
        .objectLockEnabled(true)
        .lifecycleRules(props.lifecycleRules() != null ? props.lifecycleRules() : defaultLifecycle(retention))
        .build());
    CfnBucket cfnBucket = (CfnBucket) bucket.getNode().getDefaultChild();
    cfnBucket.setObjectLockConfiguration(objectLock(props));
    logAccessTo(cfnBucket);

    trailLogGroup = new LogGroup(this, "TrailLogs",
        LogGroupDefaults.evidenceLogGroupProps(props.logRetention(), key).build());
    accessLogGroup = new LogGroup(this, "AccessLogs",
        LogGroupDefaults.evidenceLogGroupProps(props.logRetention(), key).build());
    trail = new Trail(this, "Trail", CloudTrailDefaults.auditTrailProps()
        .bucket(bucket)
        .encryptionKey(key)
        .cloudWatchLogGroup(trailLogGroup)
        .build());
    addDataEvents();
    AuditTrailNagSuppressions.singleRegionBucket(bucket);
    AuditTrailNagSuppressions.singleRegionBucket(serverAccessLogsBucket);
    AuditTrailNagSuppressions.sseS3LogTarget(serverAccessLogsBucket);
    AuditTrailNagSuppressions.trailLogsRolePolicy(trail.getNode().findChild("LogsRole").getNode().findChild("DefaultPolicy"));
    if (props.lockMode() == AuditLockMode.GOVERNANCE) {
      Annotations.of(this).addWarningV2(GOVERNANCE_WARNING_ID, "Object Lock is in GOVERNANCE mode: principals with"
          + " s3:BypassGovernanceRetention can delete audit log files before their retention ends; use COMPLIANCE"
          + " for evidence an auditor relies on");
    }
  }

  /**
   * Server access logging through a bucket policy for the logging service, scoped to the source bucket and account,
   * whatever the app's {@code @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy} flag (without it the CDK would use
   * the LogDeliveryWrite ACL, which ACL-less buckets refuse).
   */
  private void logAccessTo(CfnBucket source) {
    source.setLoggingConfiguration(CfnBucket.LoggingConfigurationProperty.builder()
        .destinationBucketName(serverAccessLogsBucket.getBucketName())
        .logFilePrefix(SERVER_ACCESS_LOG_PREFIX)
        .build());
    serverAccessLogsBucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("S3ServerAccessLogsPolicy")
        .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(serverAccessLogsBucket.arnForObjects(SERVER_ACCESS_LOG_PREFIX + "*")))
        .conditions(Map.of(
            "ArnLike", Map.of("aws:SourceArn", bucket.getBucketArn()),
            "StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
        .build());
  }

  private void addDataEvents() {
    if (!props.dataEventBuckets().isEmpty()) {
      List<S3EventSelector> selectors = new ArrayList<>();
      props.dataEventBuckets().forEach(b -> selectors.add(S3EventSelector.builder().bucket(b).build()));
      trail.addS3EventSelector(selectors);
    }
    if (!props.dataEventFunctions().isEmpty()) {
      trail.addLambdaEventSelector(props.dataEventFunctions());
    }
  }

  private static CfnBucket.ObjectLockConfigurationProperty objectLock(AuditTrailProps props) {
    CfnBucket.DefaultRetentionProperty.Builder retention = CfnBucket.DefaultRetentionProperty.builder()
        .mode(props.lockMode().name());
    if (props.retentionYears() != null) {
      retention.years(props.retentionYears());
    } else {
      retention.days(props.retentionDays());
    }
    return CfnBucket.ObjectLockConfigurationProperty.builder()
        .objectLockEnabled("Enabled")
        .rule(CfnBucket.ObjectLockRuleProperty.builder().defaultRetention(retention.build()).build())
        .build();
  }

  /** Archive tier after 90 days when the retention outlasts it, expiry (a delete marker) when the retention ends. */
  private static List<LifecycleRule> defaultLifecycle(int retention) {
    LifecycleRule.Builder rule = LifecycleRule.builder().id("archive-then-expire")
        .expiration(Duration.days(retention))
        .abortIncompleteMultipartUploadAfter(Duration.days(7));
    if (retention > AuditTrailProps.DEFAULT_TRANSITION_DAYS) {
      rule.transitions(List.of(Transition.builder()
          .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
          .transitionAfter(Duration.days(AuditTrailProps.DEFAULT_TRANSITION_DAYS))
          .build()));
    }
    return List.of(rule.build());
  }

  /**
   * A rotating key whose policy lets CloudTrail encrypt log files of this account's trails and the regional
   * CloudWatch Logs service encrypt this account's log groups, each scoped by encryption context.
   */
  private Key createKey() {
    Key created = new Key(this, "Key", KmsDefaults.rotatingKeyProps("Encrypts the audit trail's log files and log groups")
        .build());
    Stack stack = Stack.of(this);
    String partition = stack.getPartition();
    String account = stack.getAccount();
    String region = stack.getRegion();
    created.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudTrailEncryptsLogFiles")
        .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
        .actions(List.of("kms:GenerateDataKey*"))
        .resources(List.of("*"))
        .conditions(Map.of("StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
            "arn:" + partition + ":cloudtrail:*:" + account + ":trail/*")))
        .build());
    created.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudTrailDescribesKey")
        .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
        .actions(List.of("kms:DescribeKey"))
        .resources(List.of("*"))
        .build());
    created.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudWatchLogsEncryptsLogGroups")
        .principals(List.of(new ServicePrincipal("logs." + region + ".amazonaws.com")))
        .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
            "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:*")))
        .build());
    return created;
  }

  /** The props this trail was built with. */
  public AuditTrailProps getProps() { return props; }

  /** The KMS key encrypting log files, the audit bucket and both log groups. */
  public IKey getKey() { return key; }

  /** The Object Lock bucket CloudTrail writes into. */
  public Bucket getBucket() { return bucket; }

  /** The bucket holding the audit bucket's server access logs. */
  public Bucket getServerAccessLogsBucket() { return serverAccessLogsBucket; }

  /** The log group CloudTrail also delivers to. */
  public LogGroup getTrailLogGroup() { return trailLogGroup; }

  /**
   * A KMS-encrypted, retained log group for other constructs' access logs (e.g. the renewal API's stage: pass it as
   * {@code RenewalPipelineProps.apiAccessLogGroup}).
   */
  public LogGroup getAccessLogGroup() { return accessLogGroup; }

  /** The trail. */
  public Trail getTrail() { return trail; }
}
