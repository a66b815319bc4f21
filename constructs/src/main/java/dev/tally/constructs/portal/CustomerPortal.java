package dev.tally.constructs.portal;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.IListenerCertificate;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * A customer portal: a containerized web application on Fargate (Graviton) behind an Application Load Balancer,
 * with its documents in S3 (archived after two months) and their metadata in RDS PostgreSQL, filled by a monthly
 * import job.
 *
 * <pre>
 * internet ─► ALB (HTTPS, WAF optional, access logs) ─► Fargate service (ARM64, 2+ tasks, private subnets)
 *                                                          │ read/write            │ SQL (rotated secret)
 *                                                          ▼                       ▼
 *             EventBridge (day D, hourly from H) ─► import λ ─► documents bucket    RDS PostgreSQL (isolated)
 *                      │ failures                  (manifest)   └─ archive class after 60 days
 *                      └──────────► dead-letter queue
 * </pre>
 *
 * <p>Everything is encrypted and TLS-only, reachable only where it must be (the database from the tasks, the import
 * job and the secret rotation only), and synthesizes without errors under cdk-nag's AwsSolutions and Serverless
 * packs; the few remaining findings are suppressed on the one resource each concerns with its reason. Configure it
 * with {@link CustomerPortalProps}.
 */
public final class CustomerPortal extends Construct {

  /** Handler of the import job. */
  public static final String IMPORT_HANDLER = PortalImportJob.HANDLER;
  /** Key prefix of the import manifests in the documents bucket ({@code manifests/YYYY-MM.csv}). */
  public static final String MANIFEST_PREFIX = PortalImportJob.MANIFEST_PREFIX;

  private static final String S3_ACCESS_LOGS_USE_BUCKET_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

  private final CustomerPortalProps props;
  private final IVpc vpc;
  private final Bucket accessLogBucket;
  private final IKey documentsKey;
  private final Bucket documentsBucket;
  private final DatabaseInstance database;
  private final PortalWebService web;
  private final PortalImportJob importJob;
  private final List<Alarm> alarms;

  /**
   * Creates the portal.
   *
   * @param props validated by {@link CustomerPortalProps.Builder#build()}; must not be null
   */
  public CustomerPortal(Construct scope, String id, CustomerPortalProps props) {
    super(scope, id);
    if (props == null) {
      throw new InvalidCustomerPortalPropsException(List.of("props are required (CustomerPortalProps.builder())"));
    }
    this.props = props;
    // Server access logs are delivered under a bucket policy, not the legacy LogDeliveryWrite ACL (which needs
    // ACLs re-enabled on the log bucket), whatever the app's feature flags say.
    getNode().setContext(S3_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    accessLogBucket = PortalStorage.logBucket(this, props);
    vpc = PortalNetwork.vpc(this, props, accessLogBucket);
    documentsKey = PortalStorage.documentsKey(this, props);
    documentsBucket = PortalStorage.documentsBucket(this, props, documentsKey, accessLogBucket);
    database = PortalDatabase.create(this, props, vpc);
    web = new PortalWebService(this, props, vpc, accessLogBucket, documentsBucket, documentsKey, database);
    importJob = new PortalImportJob(this, props, vpc, documentsBucket, documentsKey, database);
    alarms = createAlarms();
    PortalNagSuppressions.apply(this, importJob.role);
  }

  /** How many of the alarms, first in {@link #createAlarms}, customers feel at once. */
  private static final int CUSTOMER_FACING_ALARMS = 2;

  private List<Alarm> createAlarms() {
    PortalAlarms created = new PortalAlarms(this, props.alarmTopic());
    Duration minute = Duration.minutes(1);
    Duration fiveMinutes = Duration.minutes(5);
    created.above("Target5xxAlarm", web.targetGroup.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
        PortalAlarms.sum(fiveMinutes)), 10, 2, "The portal answered more than 10 server errors in 5 minutes, twice");
    created.above("UnhealthyTasksAlarm", web.targetGroup.getMetrics().unhealthyHostCount(
        PortalAlarms.maximum(minute)), 0, 3, "A portal task failed its health check for 3 minutes");
    created.above("DatabaseCpuAlarm", database.metricCPUUtilization(PortalAlarms.average(fiveMinutes)), 80, 3,
        "Database CPU above 80% for 15 minutes: scale databaseInstanceType");
    created.below("DatabaseStorageAlarm", database.metricFreeStorageSpace(PortalAlarms.minimum(fiveMinutes)),
        props.maxAllocatedStorageGiB() * 0.1 * 1024 * 1024 * 1024, 1,
        "Database free storage below 10% of maxAllocatedStorageGiB: raise it");
    created.above("ImportErrorsAlarm", importJob.function.metricErrors(PortalAlarms.sum(fiveMinutes)), 0, 1,
        "The monthly import job failed");
    created.above("ImportDeadLetterAlarm", importJob.deadLetterQueue.metricApproximateNumberOfMessagesVisible(
        PortalAlarms.maximum(fiveMinutes)), 0, 1, "A scheduled import could not be delivered or failed every retry");
    return created.alarms();
  }

  /** The props this portal was built with. */
  public CustomerPortalProps getProps() { return props; }

  /** The VPC: created, or the one passed in. */
  public IVpc getVpc() { return vpc; }

  /** Load balancer, bucket and VPC flow logs. */
  public Bucket getAccessLogBucket() { return accessLogBucket; }

  /** The documents' KMS key: created, or the one passed in. */
  public IKey getDocumentsKey() { return documentsKey; }

  /** Invoices and documents, and the import manifests under {@link #MANIFEST_PREFIX}. */
  public Bucket getDocumentsBucket() { return documentsBucket; }

  /** The PostgreSQL instance; {@code getDatabase().getSecret()} holds the rotated credentials. */
  public DatabaseInstance getDatabase() { return database; }

  /** The ECS cluster (Container Insights on). */
  public Cluster getCluster() { return web.cluster; }

  /** The portal's task definition. */
  public FargateTaskDefinition getTaskDefinition() { return web.taskDefinition; }

  /** The Fargate service. */
  public FargateService getService() { return web.service; }

  /** The internet-facing load balancer. */
  public ApplicationLoadBalancer getLoadBalancer() { return web.loadBalancer; }

  /** The listener serving the portal: HTTPS with a certificate, else HTTP. */
  public ApplicationListener getListener() { return web.listener; }

  /** The tasks' target group. */
  public ApplicationTargetGroup getTargetGroup() { return web.targetGroup; }

  /** The monthly import job. */
  public Function getImportFunction() { return importJob.function; }

  /** The import job's schedule. */
  public Rule getImportSchedule() { return importJob.schedule; }

  /** Failed schedule deliveries and failed asynchronous invocations of the import job. */
  public Queue getImportDeadLetterQueue() { return importJob.deadLetterQueue; }

  /** Every alarm the portal created. */
  public List<Alarm> getAlarms() { return alarms; }

  /**
   * The alarms customers feel at once (server errors, failing tasks): the ones to page on. The others (database
   * headroom, the import job) can wait for working hours.
   */
  public List<Alarm> getCustomerFacingAlarms() { return alarms.subList(0, CUSTOMER_FACING_ALARMS); }

  /**
   * The CDK idiom: {@code CustomerPortal.Builder.create(scope, id)...build()}. Each setter is the
   * {@link CustomerPortalProps.Builder} setter of the same name.
   */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final CustomerPortalProps.Builder props = CustomerPortalProps.builder();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a CustomerPortal named {@code id} in {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }
    /** @see CustomerPortalProps#production() */
    public Builder production(boolean v) { props.production(v); return this; }
    /** @see CustomerPortalProps#vpc() */
    public Builder vpc(IVpc v) { props.vpc(v); return this; }
    /** @see CustomerPortalProps#availabilityZones() */
    public Builder availabilityZones(List<String> v) { props.availabilityZones(v); return this; }
    /** @see CustomerPortalProps#maxAzs() */
    public Builder maxAzs(int v) { props.maxAzs(v); return this; }
    /** @see CustomerPortalProps#natGateways() */
    public Builder natGateways(Integer v) { props.natGateways(v); return this; }
    /** @see CustomerPortalProps#interfaceEndpoints() */
    public Builder interfaceEndpoints(boolean v) { props.interfaceEndpoints(v); return this; }
    /** @see CustomerPortalProps#ecrRepository() */
    public Builder ecrRepository(IRepository v) { props.ecrRepository(v); return this; }
    /** @see CustomerPortalProps#imageTag() */
    public Builder imageTag(String v) { props.imageTag(v); return this; }
    /** @see CustomerPortalProps#containerImage() */
    public Builder containerImage(ContainerImage v) { props.containerImage(v); return this; }
    /** @see CustomerPortalProps#containerPort() */
    public Builder containerPort(int v) { props.containerPort(v); return this; }
    /** @see CustomerPortalProps#containerUser() */
    public Builder containerUser(String v) { props.containerUser(v); return this; }
    /** @see CustomerPortalProps#healthCheckPath() */
    public Builder healthCheckPath(String v) { props.healthCheckPath(v); return this; }
    /** @see CustomerPortalProps#cpu() */
    public Builder cpu(int v) { props.cpu(v); return this; }
    /** @see CustomerPortalProps#memoryLimitMiB() */
    public Builder memoryLimitMiB(int v) { props.memoryLimitMiB(v); return this; }
    /** @see CustomerPortalProps#cpuArchitecture() */
    public Builder cpuArchitecture(CpuArchitecture v) { props.cpuArchitecture(v); return this; }
    /** @see CustomerPortalProps#minTaskCount() */
    public Builder minTaskCount(int v) { props.minTaskCount(v); return this; }
    /** @see CustomerPortalProps#maxTaskCount() */
    public Builder maxTaskCount(int v) { props.maxTaskCount(v); return this; }
    /** @see CustomerPortalProps#peakMinTaskCount() */
    public Builder peakMinTaskCount(int v) { props.peakMinTaskCount(v); return this; }
    /** @see CustomerPortalProps#peakStartDay() */
    public Builder peakStartDay(int v) { props.peakStartDay(v); return this; }
    /** @see CustomerPortalProps#peakEndDay() */
    public Builder peakEndDay(int v) { props.peakEndDay(v); return this; }
    /** @see CustomerPortalProps#cpuTargetUtilization() */
    public Builder cpuTargetUtilization(int v) { props.cpuTargetUtilization(v); return this; }
    /** @see CustomerPortalProps#requestsPerTarget() */
    public Builder requestsPerTarget(int v) { props.requestsPerTarget(v); return this; }
    /** @see CustomerPortalProps#minHealthyPercent() */
    public Builder minHealthyPercent(int v) { props.minHealthyPercent(v); return this; }
    /** @see CustomerPortalProps#fargateSpotShare() */
    public Builder fargateSpotShare(int v) { props.fargateSpotShare(v); return this; }
    /** @see CustomerPortalProps#enableExecuteCommand() */
    public Builder enableExecuteCommand(boolean v) { props.enableExecuteCommand(v); return this; }
    /** @see CustomerPortalProps#certificate() */
    public Builder certificate(IListenerCertificate v) { props.certificate(v); return this; }
    /** @see CustomerPortalProps#webAclArn() */
    public Builder webAclArn(String v) { props.webAclArn(v); return this; }
    /** @see CustomerPortalProps#logRetention() */
    public Builder logRetention(RetentionDays v) { props.logRetention(v); return this; }
    /** @see CustomerPortalProps#accessLogRetention() */
    public Builder accessLogRetention(Duration v) { props.accessLogRetention(v); return this; }
    /** @see CustomerPortalProps#documentsArchiveAfter() */
    public Builder documentsArchiveAfter(Duration v) { props.documentsArchiveAfter(v); return this; }
    /** @see CustomerPortalProps#documentsArchiveClass() */
    public Builder documentsArchiveClass(StorageClass v) { props.documentsArchiveClass(v); return this; }
    /** @see CustomerPortalProps#noncurrentVersionExpiration() */
    public Builder noncurrentVersionExpiration(Duration v) { props.noncurrentVersionExpiration(v); return this; }
    /** @see CustomerPortalProps#documentsEncryptionKey() */
    public Builder documentsEncryptionKey(IKey v) { props.documentsEncryptionKey(v); return this; }
    /** @see CustomerPortalProps#databaseInstanceType() */
    public Builder databaseInstanceType(InstanceType v) { props.databaseInstanceType(v); return this; }
    /** @see CustomerPortalProps#databaseEngineVersion() */
    public Builder databaseEngineVersion(PostgresEngineVersion v) { props.databaseEngineVersion(v); return this; }
    /** @see CustomerPortalProps#databaseName() */
    public Builder databaseName(String v) { props.databaseName(v); return this; }
    /** @see CustomerPortalProps#allocatedStorageGiB() */
    public Builder allocatedStorageGiB(int v) { props.allocatedStorageGiB(v); return this; }
    /** @see CustomerPortalProps#maxAllocatedStorageGiB() */
    public Builder maxAllocatedStorageGiB(int v) { props.maxAllocatedStorageGiB(v); return this; }
    /** @see CustomerPortalProps#backupRetention() */
    public Builder backupRetention(Duration v) { props.backupRetention(v); return this; }
    /** @see CustomerPortalProps#multiAz() */
    public Builder multiAz(Boolean v) { props.multiAz(v); return this; }
    /** @see CustomerPortalProps#secretRotationInterval() */
    public Builder secretRotationInterval(Duration v) { props.secretRotationInterval(v); return this; }
    /** @see CustomerPortalProps#importFunctionCode() */
    public Builder importFunctionCode(Code v) { props.importFunctionCode(v); return this; }
    /** @see CustomerPortalProps#importDayOfMonth() */
    public Builder importDayOfMonth(int v) { props.importDayOfMonth(v); return this; }
    /** @see CustomerPortalProps#importHour() */
    public Builder importHour(int v) { props.importHour(v); return this; }
    /** @see CustomerPortalProps#importMemorySize() */
    public Builder importMemorySize(int v) { props.importMemorySize(v); return this; }
    /** @see CustomerPortalProps#importTimeout() */
    public Builder importTimeout(Duration v) { props.importTimeout(v); return this; }
    /** @see CustomerPortalProps#alarmTopic() */
    public Builder alarmTopic(ITopic v) { props.alarmTopic(v); return this; }

    /**
     * Validates the props and creates the CustomerPortal.
     *
     * @throws InvalidCustomerPortalPropsException naming every invalid prop, if any
     */
    public CustomerPortal build() {
      return new CustomerPortal(scope, id, props.build());
    }
  }
}
