package dev.tally.constructs.renewal;

import dev.tally.constructs.defaults.LambdaDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.SqsDefaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Immutable configuration of a {@link RenewalPipeline}. Build it with {@link #builder()}: every prop except
 * {@code functionCode} has a default, and {@link Builder#build()} rejects invalid values, naming every bad prop in
 * one {@link InvalidRenewalPipelinePropsException}.
 *
 * <p>Sizes are deliberate starting points for a mid-size ISP (a few hundred thousand renewals on each renewal day);
 * measure and tune them, especially {@link #workerMaxConcurrency()} (the drain rate).
 */
public final class RenewalPipelineProps {

  private final Code functionCode;
  private final Runtime runtime;
  private final boolean production;
  private final boolean snapStart;
  private final IAuthorizer apiAuthorizer;
  private final String apiStageName;
  private final double apiThrottlingRateLimit;
  private final int apiThrottlingBurstLimit;
  private final boolean apiGatewayCloudWatchRole;
  private final String apiWebAclArn;
  private final RetentionDays logRetention;
  private final int ingestMemorySize;
  private final Duration ingestTimeout;
  private final int workerMemorySize;
  private final Duration workerTimeout;
  private final int workerBatchSize;
  private final Duration workerMaxBatchingWindow;
  private final int workerMaxConcurrency;
  private final boolean reserveWorkerConcurrency;
  private final Duration queueVisibilityTimeout;
  private final Duration queueRetentionPeriod;
  private final int maxReceiveCount;
  private final Duration oldestMessageAgeAlarmThreshold;
  private final int notifierMemorySize;
  private final Duration notifierTimeout;
  private final int notifierBatchSize;
  private final int notifierRetryAttempts;
  private final Duration notifierMaxRecordAge;
  private final int balanceMemorySize;
  private final Duration balanceTimeout;
  private final int balanceProvisionedConcurrency;
  private final int renewalWindowStartDay;
  private final int renewalWindowEndDay;
  private final int renewalWindowLeadHours;
  private final IKey tableEncryptionKey;
  private final List<String> smsSubscribers;
  private final ITopic alarmTopic;
  private final ILambdaDeploymentConfig deploymentConfig;

  private RenewalPipelineProps(Builder b) {
    functionCode = b.functionCode;
    runtime = b.runtime;
    production = b.production;
    snapStart = b.snapStart;
    apiAuthorizer = b.apiAuthorizer;
    apiStageName = b.apiStageName;
    apiThrottlingRateLimit = b.apiThrottlingRateLimit;
    apiThrottlingBurstLimit = b.apiThrottlingBurstLimit;
    apiGatewayCloudWatchRole = b.apiGatewayCloudWatchRole;
    apiWebAclArn = b.apiWebAclArn;
    logRetention = b.logRetention;
    ingestMemorySize = b.ingestMemorySize;
    ingestTimeout = b.ingestTimeout;
    workerMemorySize = b.workerMemorySize;
    workerTimeout = b.workerTimeout;
    workerBatchSize = b.workerBatchSize;
    workerMaxBatchingWindow = b.workerMaxBatchingWindow;
    workerMaxConcurrency = b.workerMaxConcurrency;
    reserveWorkerConcurrency = b.reserveWorkerConcurrency;
    // The default follows the worker timeout, so that changing one does not silently break the 6x rule.
    queueVisibilityTimeout = b.queueVisibilityTimeout != null || b.workerTimeout == null
        ? b.queueVisibilityTimeout
        : Duration.millis(minimumVisibilityMillis(b.workerTimeout, b.workerMaxBatchingWindow));
    queueRetentionPeriod = b.queueRetentionPeriod;
    maxReceiveCount = b.maxReceiveCount;
    oldestMessageAgeAlarmThreshold = b.oldestMessageAgeAlarmThreshold;
    notifierMemorySize = b.notifierMemorySize;
    notifierTimeout = b.notifierTimeout;
    notifierBatchSize = b.notifierBatchSize;
    notifierRetryAttempts = b.notifierRetryAttempts;
    notifierMaxRecordAge = b.notifierMaxRecordAge;
    balanceMemorySize = b.balanceMemorySize;
    balanceTimeout = b.balanceTimeout;
    balanceProvisionedConcurrency = b.balanceProvisionedConcurrency;
    renewalWindowStartDay = b.renewalWindowStartDay;
    renewalWindowEndDay = b.renewalWindowEndDay;
    renewalWindowLeadHours = b.renewalWindowLeadHours;
    tableEncryptionKey = b.tableEncryptionKey;
    // Not List.copyOf: a null entry must reach validation and be reported, not throw a bare NPE here.
    smsSubscribers = b.smsSubscribers == null ? null : Collections.unmodifiableList(new ArrayList<>(b.smsSubscribers));
    alarmTopic = b.alarmTopic;
    // The default follows production, like the removal policies: canary there, all at once elsewhere.
    deploymentConfig = b.deploymentConfig != null ? b.deploymentConfig
        : b.production ? DEFAULT_PRODUCTION_DEPLOYMENT : LambdaDeploymentConfig.ALL_AT_ONCE;
  }

  /**
   * AWS's guidance for SQS-triggered Lambdas: visibility timeout at least six times the function timeout, plus the
   * maximum batching window (messages wait that long in the poller, invisible, before the function even starts).
   */
  public static final int VISIBILITY_TIMEOUT_FACTOR = 6;

  /** {@link #VISIBILITY_TIMEOUT_FACTOR} x the worker timeout + the batching window (none when unset). */
  static long minimumVisibilityMillis(Duration workerTimeout, Duration batchingWindow) {
    long window = batchingWindow == null ? 0 : batchingWindow.toMilliseconds().longValue();
    return workerTimeout.toMilliseconds().longValue() * VISIBILITY_TIMEOUT_FACTOR + window;
  }

  /** A builder with every default filled in. */
  public static Builder builder() {
    return new Builder();
  }

  /** Required. The jar holding all four handlers, e.g. {@code Code.fromAsset("functions/target/tally-functions.jar")}. */
  public Code functionCode() { return functionCode; }

  /** Java runtime of every function. Default {@code java21} (LTS); must be a Java runtime. */
  public Runtime runtime() { return runtime; }

  /**
   * Production mode. Default {@code false}: the table and log groups are destroyed with the stack and the table has
   * no deletion protection, so test environments leave nothing behind. {@code true}: table RETAINed with deletion
   * protection, log groups retained.
   */
  public boolean production() { return production; }

  /**
   * Lambda SnapStart on the ingest, worker and notifier functions. Default {@code true}: a Java cold start of one to
   * three seconds becomes a restore of a few hundred milliseconds just when the renewal-day burst scales them out,
   * and SnapStart costs nothing for Java. Each deployment then publishes a version and takes a snapshot (a minute or
   * two longer). Never on the balance function: SnapStart and provisioned concurrency cannot share a version. Set
   * {@code false} if a handler keeps per-environment unique state (random seeds, connections) that is not
   * snapshot-safe.
   */
  public boolean snapStart() { return snapStart; }

  /**
   * Authorizer of both API methods. Default {@code null}: AWS_IAM (SigV4) authorization, because the caller is the
   * ISP's billing back-end, a machine with an IAM role, not an end user. Pass a Cognito or Lambda authorizer to
   * change it.
   */
  public IAuthorizer apiAuthorizer() { return apiAuthorizer; }

  /** API stage name. Default {@code v1}. Letters, digits and underscores. */
  public String apiStageName() { return apiStageName; }

  /**
   * Stage-wide steady-state request rate, requests per second. Default 200. The queue absorbs the burst, so this
   * protects the ingest function and the account's Lambda concurrency rather than the database.
   */
  public double apiThrottlingRateLimit() { return apiThrottlingRateLimit; }

  /** Stage-wide burst (token bucket size), requests. Default 400. */
  public int apiThrottlingBurstLimit() { return apiThrottlingBurstLimit; }

  /**
   * Whether to set the region's API Gateway account CloudWatch role (needed for execution logging) to a role this
   * construct creates with an inline policy. Default {@code true}. The setting is per account and region, last
   * writer wins: set {@code false} when a platform stack already manages it.
   */
  public boolean apiGatewayCloudWatchRole() { return apiGatewayCloudWatchRole; }

  /**
   * ARN of a regional AWS WAFv2 web ACL to associate with the API stage. Default {@code null}: no WAF (a web ACL
   * costs about USD 5 a month plus rules and requests; the API already requires SigV4 and is throttled). Set it for
   * an API exposed beyond the billing back-end. Without it cdk-nag reports AwsSolutions-APIG3 as a warning.
   */
  public String apiWebAclArn() { return apiWebAclArn; }

  /** Retention of every log group (functions and API access logs). Default one month. */
  public RetentionDays logRetention() { return logRetention; }

  /** Ingest function memory, MB (128-10240). Default 512: it only validates and enqueues. */
  public int ingestMemorySize() { return ingestMemorySize; }

  /** Ingest function timeout (1-29 s, API Gateway's integration limit). Default 10 s. */
  public Duration ingestTimeout() { return ingestTimeout; }

  /** Worker function memory, MB (128-10240). Default 1024: more memory is more CPU for the Java SDK. */
  public int workerMemorySize() { return workerMemorySize; }

  /**
   * Worker function timeout (1-900 s). Default 30 s. The queue's visibility timeout must be at least 6x this plus
   * {@code workerMaxBatchingWindow}.
   */
  public Duration workerTimeout() { return workerTimeout; }

  /** Messages per worker invocation (1-10000; above 10 needs a batching window). Default 10. */
  public int workerBatchSize() { return workerBatchSize; }

  /** How long Lambda gathers a batch before invoking the worker (0-300 s). Default 2 s. */
  public Duration workerMaxBatchingWindow() { return workerMaxBatchingWindow; }

  /**
   * The drain rate: the most concurrent worker invocations the SQS event source may run (2-1000). Default 10.
   *
   * <p>Throughput is about {@code workerMaxConcurrency x workerBatchSize / average batch duration}: with 10
   * concurrent workers, batches of 10 and 0.5 s per batch, about 200 renewals/s (720,000 an hour). Pick the value the
   * table and downstream billing can take; the queue holds the rest. Unlike reserved concurrency alone, this limit
   * makes the poller wait instead of throttling the function, so messages are not pushed towards the DLQ.
   */
  public int workerMaxConcurrency() { return workerMaxConcurrency; }

  /**
   * Reserve {@code workerMaxConcurrency} of the account's Lambda concurrency for the worker. Default {@code true}:
   * on renewal day other functions cannot starve the drain. Set {@code false} in accounts with a small
   * concurrency quota, where the reservation would not fit.
   */
  public boolean reserveWorkerConcurrency() { return reserveWorkerConcurrency; }

  /**
   * Buffer queue visibility timeout. Default 6 x {@code workerTimeout} + {@code workerMaxBatchingWindow} (182 s);
   * lower values are rejected.
   */
  public Duration queueVisibilityTimeout() { return queueVisibilityTimeout; }

  /**
   * How long buffered renewals are kept (60 s - 14 days). Default 14 days, the SQS maximum. The dead-letter and
   * failure queues always keep 14 days: a dead-lettered message keeps its original enqueue time.
   */
  public Duration queueRetentionPeriod() { return queueRetentionPeriod; }

  /** Deliveries of a message before it moves to the dead-letter queue (1-1000). Default 5. */
  public int maxReceiveCount() { return maxReceiveCount; }

  /**
   * Alarm when the oldest buffered renewal is older than this (60 s or more, below the retention). Default
   * 15 minutes: the backlog is not draining fast enough for customers expecting their SMS.
   */
  public Duration oldestMessageAgeAlarmThreshold() { return oldestMessageAgeAlarmThreshold; }

  /** Notifier function memory, MB (128-10240). Default 512. */
  public int notifierMemorySize() { return notifierMemorySize; }

  /** Notifier function timeout (1-900 s). Default 30 s. */
  public Duration notifierTimeout() { return notifierTimeout; }

  /** Stream records per notifier invocation (1-10000). Default 10. */
  public int notifierBatchSize() { return notifierBatchSize; }

  /** Retries of a failed stream batch before it goes to the failure queue (0-10000). Default 3. */
  public int notifierRetryAttempts() { return notifierRetryAttempts; }

  /**
   * Stream records older than this are sent to the failure queue instead of the notifier (60 s - 7 days). Default
   * 1 hour: a "your renewal is credited" SMS a day late is worse than none.
   */
  public Duration notifierMaxRecordAge() { return notifierMaxRecordAge; }

  /** Balance function memory, MB (128-10240). Default 1024: it is latency-sensitive. */
  public int balanceMemorySize() { return balanceMemorySize; }

  /** Balance function timeout (1-29 s). Default 5 s. */
  public Duration balanceTimeout() { return balanceTimeout; }

  /**
   * Provisioned concurrency of the balance alias during the renewal window (1-1000). Default 5. It is zero outside
   * the window: provisioned concurrency is billed per hour whether used or not.
   */
  public int balanceProvisionedConcurrency() { return balanceProvisionedConcurrency; }

  /**
   * Day of month on which the renewal window opens (1-31). Default 30. In months shorter than this the window opens
   * on the month's last day instead (the 28th in February, also in leap years), see {@link RenewalWindowSchedule}.
   */
  public int renewalWindowStartDay() { return renewalWindowStartDay; }

  /**
   * Last day of month inside the renewal window (1-27). Default 2 (window 30th - 2nd). Provisioned concurrency is
   * released at 00:00 UTC the following day.
   */
  public int renewalWindowEndDay() { return renewalWindowEndDay; }

  /** Hours before 00:00 UTC of the start day at which provisioned concurrency is added (0-72). Default 2. */
  public int renewalWindowLeadHours() { return renewalWindowLeadHours; }

  /**
   * Customer-managed KMS key for the table. Default {@code null}: the AWS-managed {@code aws/dynamodb} key (no key
   * fee, key use visible in CloudTrail).
   */
  public IKey tableEncryptionKey() { return tableEncryptionKey; }

  /**
   * Phone numbers (E.164, e.g. {@code +15555550100}) subscribed to the notification topic by SMS. Default empty.
   * These receive every notification, so this is for operators. Customers' numbers do not belong in a template (a
   * customer base is far beyond CloudFormation's resource limit, and the table holds no phone numbers): the ISP's
   * provisioning subscribes each one at run time with a filter policy on the {@code customerId} message attribute
   * the notifier sets, see {@link RenewalPipeline#grantSubscribeCustomers}.
   */
  public List<String> smsSubscribers() { return smsSubscribers; }

  /**
   * Topic that every alarm notifies (alarm and OK). Default {@code null}: alarms are created without actions.
   * Encrypt it with a customer-managed key whose policy lets CloudWatch use it.
   */
  public ITopic alarmTopic() { return alarmTopic; }

  /** The traffic shift of production deployments unless {@code deploymentConfig} says otherwise. */
  public static final ILambdaDeploymentConfig DEFAULT_PRODUCTION_DEPLOYMENT =
      LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES;

  /**
   * How CodeDeploy shifts the ingest and balance {@code live} aliases to a new version: a preset such as
   * {@code LambdaDeploymentConfig.LINEAR_10_PERCENT_EVERY_1_MINUTE} or a custom {@code LambdaDeploymentConfig}
   * (e.g. a 5 % canary for 10 minutes). Default: {@link #DEFAULT_PRODUCTION_DEPLOYMENT} (10 % for 5 minutes, then the
   * rest) when {@link #production()}, otherwise {@code ALL_AT_ONCE}. Either way the pre-traffic hook runs first and
   * an alarm in ALARM rolls the alias back; a longer shift catches slower failures and delays every release.
   */
  public ILambdaDeploymentConfig deploymentConfig() { return deploymentConfig; }

  /** Builds {@link RenewalPipelineProps}, starting from the documented defaults. */
  public static final class Builder {
    private Code functionCode;
    private Runtime runtime = LambdaDefaults.DEFAULT_JAVA_RUNTIME;
    private boolean production;
    private boolean snapStart = true;
    private IAuthorizer apiAuthorizer;
    private String apiStageName = "v1";
    private double apiThrottlingRateLimit = 200;
    private int apiThrottlingBurstLimit = 400;
    private boolean apiGatewayCloudWatchRole = true;
    private String apiWebAclArn;
    private RetentionDays logRetention = LogGroupDefaults.DEFAULT_RETENTION;
    private int ingestMemorySize = 512;
    private Duration ingestTimeout = Duration.seconds(10);
    private int workerMemorySize = 1024;
    private Duration workerTimeout = Duration.seconds(30);
    private int workerBatchSize = 10;
    private Duration workerMaxBatchingWindow = Duration.seconds(2);
    private int workerMaxConcurrency = 10;
    private boolean reserveWorkerConcurrency = true;
    private Duration queueVisibilityTimeout;
    private Duration queueRetentionPeriod = SqsDefaults.MAX_RETENTION;
    private int maxReceiveCount = 5;
    private Duration oldestMessageAgeAlarmThreshold = Duration.minutes(15);
    private int notifierMemorySize = 512;
    private Duration notifierTimeout = Duration.seconds(30);
    private int notifierBatchSize = 10;
    private int notifierRetryAttempts = 3;
    private Duration notifierMaxRecordAge = Duration.hours(1);
    private int balanceMemorySize = 1024;
    private Duration balanceTimeout = Duration.seconds(5);
    private int balanceProvisionedConcurrency = 5;
    private int renewalWindowStartDay = 30;
    private int renewalWindowEndDay = 2;
    private int renewalWindowLeadHours = 2;
    private IKey tableEncryptionKey;
    private List<String> smsSubscribers = List.of();
    private ITopic alarmTopic;
    private ILambdaDeploymentConfig deploymentConfig;

    private Builder() {}

    /** @see RenewalPipelineProps#functionCode() */
    public Builder functionCode(Code v) { functionCode = v; return this; }
    /** @see RenewalPipelineProps#runtime() */
    public Builder runtime(Runtime v) { runtime = v; return this; }
    /** @see RenewalPipelineProps#production() */
    public Builder production(boolean v) { production = v; return this; }
    /** @see RenewalPipelineProps#snapStart() */
    public Builder snapStart(boolean v) { snapStart = v; return this; }
    /** @see RenewalPipelineProps#apiAuthorizer() */
    public Builder apiAuthorizer(IAuthorizer v) { apiAuthorizer = v; return this; }
    /** @see RenewalPipelineProps#apiStageName() */
    public Builder apiStageName(String v) { apiStageName = v; return this; }
    /** @see RenewalPipelineProps#apiThrottlingRateLimit() */
    public Builder apiThrottlingRateLimit(double v) { apiThrottlingRateLimit = v; return this; }
    /** @see RenewalPipelineProps#apiThrottlingBurstLimit() */
    public Builder apiThrottlingBurstLimit(int v) { apiThrottlingBurstLimit = v; return this; }
    /** @see RenewalPipelineProps#apiGatewayCloudWatchRole() */
    public Builder apiGatewayCloudWatchRole(boolean v) { apiGatewayCloudWatchRole = v; return this; }
    /** @see RenewalPipelineProps#apiWebAclArn() */
    public Builder apiWebAclArn(String v) { apiWebAclArn = v; return this; }
    /** @see RenewalPipelineProps#logRetention() */
    public Builder logRetention(RetentionDays v) { logRetention = v; return this; }
    /** @see RenewalPipelineProps#ingestMemorySize() */
    public Builder ingestMemorySize(int v) { ingestMemorySize = v; return this; }
    /** @see RenewalPipelineProps#ingestTimeout() */
    public Builder ingestTimeout(Duration v) { ingestTimeout = v; return this; }
    /** @see RenewalPipelineProps#workerMemorySize() */
    public Builder workerMemorySize(int v) { workerMemorySize = v; return this; }
    /** @see RenewalPipelineProps#workerTimeout() */
    public Builder workerTimeout(Duration v) { workerTimeout = v; return this; }
    /** @see RenewalPipelineProps#workerBatchSize() */
    public Builder workerBatchSize(int v) { workerBatchSize = v; return this; }
    /** @see RenewalPipelineProps#workerMaxBatchingWindow() */
    public Builder workerMaxBatchingWindow(Duration v) { workerMaxBatchingWindow = v; return this; }
    /** @see RenewalPipelineProps#workerMaxConcurrency() */
    public Builder workerMaxConcurrency(int v) { workerMaxConcurrency = v; return this; }
    /** @see RenewalPipelineProps#reserveWorkerConcurrency() */
    public Builder reserveWorkerConcurrency(boolean v) { reserveWorkerConcurrency = v; return this; }
    /** @see RenewalPipelineProps#queueVisibilityTimeout() */
    public Builder queueVisibilityTimeout(Duration v) { queueVisibilityTimeout = v; return this; }
    /** @see RenewalPipelineProps#queueRetentionPeriod() */
    public Builder queueRetentionPeriod(Duration v) { queueRetentionPeriod = v; return this; }
    /** @see RenewalPipelineProps#maxReceiveCount() */
    public Builder maxReceiveCount(int v) { maxReceiveCount = v; return this; }
    /** @see RenewalPipelineProps#oldestMessageAgeAlarmThreshold() */
    public Builder oldestMessageAgeAlarmThreshold(Duration v) { oldestMessageAgeAlarmThreshold = v; return this; }
    /** @see RenewalPipelineProps#notifierMemorySize() */
    public Builder notifierMemorySize(int v) { notifierMemorySize = v; return this; }
    /** @see RenewalPipelineProps#notifierTimeout() */
    public Builder notifierTimeout(Duration v) { notifierTimeout = v; return this; }
    /** @see RenewalPipelineProps#notifierBatchSize() */
    public Builder notifierBatchSize(int v) { notifierBatchSize = v; return this; }
    /** @see RenewalPipelineProps#notifierRetryAttempts() */
    public Builder notifierRetryAttempts(int v) { notifierRetryAttempts = v; return this; }
    /** @see RenewalPipelineProps#notifierMaxRecordAge() */
    public Builder notifierMaxRecordAge(Duration v) { notifierMaxRecordAge = v; return this; }
    /** @see RenewalPipelineProps#balanceMemorySize() */
    public Builder balanceMemorySize(int v) { balanceMemorySize = v; return this; }
    /** @see RenewalPipelineProps#balanceTimeout() */
    public Builder balanceTimeout(Duration v) { balanceTimeout = v; return this; }
    /** @see RenewalPipelineProps#balanceProvisionedConcurrency() */
    public Builder balanceProvisionedConcurrency(int v) { balanceProvisionedConcurrency = v; return this; }
    /** @see RenewalPipelineProps#renewalWindowStartDay() */
    public Builder renewalWindowStartDay(int v) { renewalWindowStartDay = v; return this; }
    /** @see RenewalPipelineProps#renewalWindowEndDay() */
    public Builder renewalWindowEndDay(int v) { renewalWindowEndDay = v; return this; }
    /** @see RenewalPipelineProps#renewalWindowLeadHours() */
    public Builder renewalWindowLeadHours(int v) { renewalWindowLeadHours = v; return this; }
    /** @see RenewalPipelineProps#tableEncryptionKey() */
    public Builder tableEncryptionKey(IKey v) { tableEncryptionKey = v; return this; }
    /** @see RenewalPipelineProps#smsSubscribers() */
    public Builder smsSubscribers(List<String> v) { smsSubscribers = v; return this; }
    /** @see RenewalPipelineProps#alarmTopic() */
    public Builder alarmTopic(ITopic v) { alarmTopic = v; return this; }
    /** @see RenewalPipelineProps#deploymentConfig() */
    public Builder deploymentConfig(ILambdaDeploymentConfig v) { deploymentConfig = v; return this; }

    /**
     * Validates and builds the props.
     *
     * @throws InvalidRenewalPipelinePropsException naming every invalid prop, if any
     */
    public RenewalPipelineProps build() {
      RenewalPipelineProps props = new RenewalPipelineProps(this);
      RenewalPipelinePropsValidation.requireValid(props);
      return props;
    }
  }
}
