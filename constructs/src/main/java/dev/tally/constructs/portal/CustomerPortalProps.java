package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.EcsDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.RdsDefaults;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.elasticloadbalancingv2.IListenerCertificate;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Immutable configuration of a {@link CustomerPortal}. Build it with {@link #builder()}: every prop except the image
 * ({@code ecrRepository} + {@code imageTag}, or {@code containerImage}) and {@code importFunctionCode} has a default,
 * and {@link Builder#build()} rejects invalid values, naming every bad prop in one
 * {@link InvalidCustomerPortalPropsException}.
 *
 * <p>Sizes are starting points for a portal of 40,000 users (12,000 active a month), 40,000 new documents a month
 * and the heaviest traffic in the month's first ten days; measure and tune them.
 */
public final class CustomerPortalProps {

  private final boolean production;
  private final IVpc vpc;
  private final List<String> availabilityZones;
  private final int maxAzs;
  private final Integer natGateways;
  private final boolean interfaceEndpoints;
  private final IRepository ecrRepository;
  private final String imageTag;
  private final ContainerImage containerImage;
  private final int containerPort;
  private final String containerUser;
  private final String healthCheckPath;
  private final int cpu;
  private final int memoryLimitMiB;
  private final CpuArchitecture cpuArchitecture;
  private final int minTaskCount;
  private final int maxTaskCount;
  private final int peakMinTaskCount;
  private final int peakStartDay;
  private final int peakEndDay;
  private final int cpuTargetUtilization;
  private final int requestsPerTarget;
  private final int minHealthyPercent;
  private final int fargateSpotShare;
  private final boolean enableExecuteCommand;
  private final IListenerCertificate certificate;
  private final String webAclArn;
  private final RetentionDays logRetention;
  private final Duration accessLogRetention;
  private final Duration documentsArchiveAfter;
  private final StorageClass documentsArchiveClass;
  private final Duration noncurrentVersionExpiration;
  private final IKey documentsEncryptionKey;
  private final InstanceType databaseInstanceType;
  private final PostgresEngineVersion databaseEngineVersion;
  private final String databaseName;
  private final int allocatedStorageGiB;
  private final int maxAllocatedStorageGiB;
  private final Duration backupRetention;
  private final Boolean multiAz;
  private final Duration secretRotationInterval;
  private final Code importFunctionCode;
  private final int importDayOfMonth;
  private final int importHour;
  private final int importMemorySize;
  private final Duration importTimeout;
  private final ITopic alarmTopic;

  private CustomerPortalProps(Builder b) {
    production = b.production;
    vpc = b.vpc;
    availabilityZones = b.availabilityZones;
    maxAzs = b.maxAzs;
    natGateways = b.natGateways;
    interfaceEndpoints = b.interfaceEndpoints;
    ecrRepository = b.ecrRepository;
    imageTag = b.imageTag;
    containerImage = b.containerImage;
    containerPort = b.containerPort;
    containerUser = b.containerUser;
    healthCheckPath = b.healthCheckPath;
    cpu = b.cpu;
    memoryLimitMiB = b.memoryLimitMiB;
    cpuArchitecture = b.cpuArchitecture;
    minTaskCount = b.minTaskCount;
    maxTaskCount = b.maxTaskCount;
    peakMinTaskCount = b.peakMinTaskCount;
    peakStartDay = b.peakStartDay;
    peakEndDay = b.peakEndDay;
    cpuTargetUtilization = b.cpuTargetUtilization;
    requestsPerTarget = b.requestsPerTarget;
    minHealthyPercent = b.minHealthyPercent;
    fargateSpotShare = b.fargateSpotShare;
    enableExecuteCommand = b.enableExecuteCommand;
    certificate = b.certificate;
    webAclArn = b.webAclArn;
    logRetention = b.logRetention;
    accessLogRetention = b.accessLogRetention;
    documentsArchiveAfter = b.documentsArchiveAfter;
    documentsArchiveClass = b.documentsArchiveClass;
    noncurrentVersionExpiration = b.noncurrentVersionExpiration;
    documentsEncryptionKey = b.documentsEncryptionKey;
    databaseInstanceType = b.databaseInstanceType;
    databaseEngineVersion = b.databaseEngineVersion;
    databaseName = b.databaseName;
    allocatedStorageGiB = b.allocatedStorageGiB;
    maxAllocatedStorageGiB = b.maxAllocatedStorageGiB;
    backupRetention = b.backupRetention;
    multiAz = b.multiAz;
    secretRotationInterval = b.secretRotationInterval;
    importFunctionCode = b.importFunctionCode;
    importDayOfMonth = b.importDayOfMonth;
    importHour = b.importHour;
    importMemorySize = b.importMemorySize;
    importTimeout = b.importTimeout;
    alarmTopic = b.alarmTopic;
  }

  /** Starts from the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the database runs Multi-AZ: {@link #multiAz()} when set, else {@link #production()}. */
  public boolean effectiveMultiAz() {
    return multiAz != null ? multiAz : production;
  }

  /** NAT gateways of the created VPC: {@link #natGateways()} when set, else 1 outside production, 1 per AZ in it. */
  public int effectiveNatGateways() {
    return natGateways != null ? natGateways : production ? azCount() : 1;
  }

  /** Zones of the created VPC: the size of {@link #availabilityZones()} when set, else {@link #maxAzs()}. */
  public int azCount() {
    return availabilityZones != null ? availabilityZones.size() : maxAzs;
  }

  /**
   * Production: one NAT gateway per AZ, Multi-AZ database, deletion protection on the load balancer and the
   * database, data and logs retained on stack deletion; FARGATE_SPOT is refused. Default {@code false}.
   */
  public boolean production() { return production; }

  /**
   * A VPC to deploy into instead of creating one. It needs public subnets (the load balancer) and private subnets
   * with egress (tasks and the import job); the database uses its isolated subnets when it has any, else the private
   * ones. Default {@code null}: the portal creates a three-tier VPC with flow logs and endpoints.
   */
  public IVpc vpc() { return vpc; }

  /**
   * Zone names for the created VPC, e.g. {@code [eu-west-1a, eu-west-1b, eu-west-1c]} (2-3, in the stack's region).
   * Default {@code null}: {@code maxAzs} zones picked without an AWS look-up, which on an environment-agnostic stack
   * can only be the region's first two. Ignored with {@code vpc}.
   */
  public List<String> availabilityZones() { return availabilityZones; }

  /**
   * Availability zones of the created VPC (2-3). Default 2, the least that survives the loss of one zone. Ignored
   * with {@code vpc}.
   */
  public int maxAzs() { return maxAzs; }

  /**
   * NAT gateways of the created VPC (1 to {@code maxAzs}). Default {@code null}: one outside production (about USD
   * 33 a month each, plus data), one per AZ in production, so losing a zone does not cut the other zones' egress.
   * Ignored with {@code vpc}.
   */
  public Integer natGateways() { return natGateways; }

  /**
   * Interface VPC endpoints for the services the tasks and the import job call (ECR API and registry, CloudWatch
   * Logs, Secrets Manager, KMS) in the created VPC; the S3 gateway endpoint (free) is always created. Default {@code
   * true}: image pulls, logs and secrets stay off the NAT gateways (about USD 7.30 a month per endpoint and AZ,
   * against NAT's USD 0.045 per GB). Ignored with {@code vpc}.
   */
  public boolean interfaceEndpoints() { return interfaceEndpoints; }

  /**
   * ECR repository of the portal's image; used with {@code imageTag}. Give either this or {@code containerImage}.
   */
  public IRepository ecrRepository() { return ecrRepository; }

  /**
   * Tag of the image in {@code ecrRepository}: an immutable release tag, never {@code latest}, so a deployment
   * always names what it runs.
   */
  public String imageTag() { return imageTag; }

  /**
   * Any container image (instead of {@code ecrRepository} + {@code imageTag}). It must be built for {@code
   * cpuArchitecture}.
   */
  public ContainerImage containerImage() { return containerImage; }

  /**
   * Port the container listens on (1024-65535: the container runs as a non-root user, which cannot bind lower
   * ports). Default 8080.
   */
  public int containerPort() { return containerPort; }

  /**
   * User (and group) the container runs as: never root. Default {@code 1000:1000}.
   */
  public String containerUser() { return containerUser; }

  /**
   * Path the load balancer checks on each task; it must answer 200 without authentication. Default {@code /health}.
   */
  public String healthCheckPath() { return healthCheckPath; }

  /**
   * Task CPU units (256, 512, 1024, 2048, 4096, 8192 or 16384). Default 512 (0.5 vCPU).
   */
  public int cpu() { return cpu; }

  /**
   * Task memory, MiB, within Fargate's range for {@code cpu}. Default 1024.
   */
  public int memoryLimitMiB() { return memoryLimitMiB; }

  /**
   * CPU architecture of the tasks. Default ARM64 (Graviton, about 20% cheaper per vCPU-hour and GB-hour than
   * X86_64).
   */
  public CpuArchitecture cpuArchitecture() { return cpuArchitecture; }

  /**
   * Fewest running tasks (2 or more, so every AZ in use keeps one). Default 2.
   */
  public int minTaskCount() { return minTaskCount; }

  /**
   * Most running tasks the autoscaling may reach. Default 10.
   */
  public int maxTaskCount() { return maxTaskCount; }

  /**
   * The floor of running tasks during the busy days of the month ({@code peakStartDay} to {@code peakEndDay}),
   * between {@code minTaskCount} and {@code maxTaskCount}. Default 4: capacity is already there when the invoices go
   * out, rather than added after latency has risen.
   */
  public int peakMinTaskCount() { return peakMinTaskCount; }

  /**
   * Day of the month the higher floor starts, at 00:00 UTC (1-28). Default 1.
   */
  public int peakStartDay() { return peakStartDay; }

  /**
   * Last day of the month with the higher floor (from {@code peakStartDay} to 27); the floor drops back to {@code
   * minTaskCount} at 00:00 UTC the day after. Default 10.
   */
  public int peakEndDay() { return peakEndDay; }

  /**
   * Average CPU utilization (%) the service is scaled to keep (10-90). Default 60.
   */
  public int cpuTargetUtilization() { return cpuTargetUtilization; }

  /**
   * Requests per minute per task that the service is scaled to keep (ALBRequestCountPerTarget, 1 or more). Default
   * 1000.
   */
  public int requestsPerTarget() { return requestsPerTarget; }

  /**
   * Share of the desired tasks kept running during a deployment (50-100). Default 100: deployments add tasks before
   * they stop old ones.
   */
  public int minHealthyPercent() { return minHealthyPercent; }

  /**
   * Percentage of tasks above the first one placed on FARGATE_SPOT (0-100), non-production only: an interrupted spot
   * task is a lost request for a customer. Default 0. FARGATE_SPOT runs ARM64 tasks on platform version 1.4.0, which
   * the service uses, so it combines with the Graviton default.
   */
  public int fargateSpotShare() { return fargateSpotShare; }

  /**
   * Allow ECS Exec into running tasks. Default {@code false}: a shell in a customer-facing task is an audit event,
   * turn it on for an investigation only.
   */
  public boolean enableExecuteCommand() { return enableExecuteCommand; }

  /**
   * Certificate of the HTTPS listener (TLS 1.3/1.2, ELB's recommended policy); HTTP is then redirected to HTTPS.
   * Default {@code null}: HTTP only, acceptable only for a non-production portal without customer data.
   */
  public IListenerCertificate certificate() { return certificate; }

  /**
   * ARN of a regional WAFv2 web ACL to associate with the load balancer. Default {@code null}: no WAF (a web ACL
   * costs about USD 5 a month plus rules and requests).
   */
  public String webAclArn() { return webAclArn; }

  /**
   * Retention of every log group (tasks, import job, database exports, VPC flow logs). Default one month.
   */
  public RetentionDays logRetention() { return logRetention; }

  /**
   * How long load balancer and bucket access logs are kept (1 day or more). Default 90 days.
   */
  public Duration accessLogRetention() { return accessLogRetention; }

  /**
   * Age at which documents move to {@code documentsArchiveClass} (whole days, 30 or more: S3 refuses earlier
   * transitions from Standard). Default 60 days: invoices are rarely opened after their second month.
   */
  public Duration documentsArchiveAfter() { return documentsArchiveAfter; }

  /**
   * Archive storage class: GLACIER_INSTANT_RETRIEVAL (default), GLACIER (Flexible Retrieval) or DEEP_ARCHIVE.
   * Instant Retrieval, because archived invoices are still opened now and then and must open at once in the portal
   * (milliseconds, USD 0.03 per GB retrieved); Flexible Retrieval and Deep Archive store for less but take minutes
   * to hours to restore first, which suits documents only a back-office process reads.
   */
  public StorageClass documentsArchiveClass() { return documentsArchiveClass; }

  /**
   * How long overwritten or deleted document versions are kept before they expire (whole days, 1 or more). Default
   * 30 days: long enough to undo a mistake.
   */
  public Duration noncurrentVersionExpiration() { return noncurrentVersionExpiration; }

  /**
   * Customer-managed KMS key of the documents bucket. Default {@code null}: the portal creates one with yearly
   * rotation (USD 1 a month; the bucket key keeps request costs negligible).
   */
  public IKey documentsEncryptionKey() { return documentsEncryptionKey; }

  /**
   * Database instance class. Default {@code db.t4g.medium} (Graviton).
   */
  public InstanceType databaseInstanceType() { return databaseInstanceType; }

  /**
   * PostgreSQL engine version. Default 17 (latest minor, upgraded automatically).
   */
  public PostgresEngineVersion databaseEngineVersion() { return databaseEngineVersion; }

  /**
   * Name of the database created on the instance (letters, digits, underscores; starts with a letter; at most 63).
   * Default {@code portal}.
   */
  public String databaseName() { return databaseName; }

  /**
   * Initial gp3 storage, GiB (20-65536). Default 50: 1.6 million documents' metadata is a few GB; the rest is
   * headroom.
   */
  public int allocatedStorageGiB() { return allocatedStorageGiB; }

  /**
   * Storage autoscaling ceiling, GiB (at least {@code allocatedStorageGiB}). Default 200.
   */
  public int maxAllocatedStorageGiB() { return maxAllocatedStorageGiB; }

  /**
   * How long automated backups are kept (whole days, 1-35). Default 7 days.
   */
  public Duration backupRetention() { return backupRetention; }

  /**
   * Standby in a second AZ. Default {@code null}: Multi-AZ in production only (it doubles the instance price).
   */
  public Boolean multiAz() { return multiAz; }

  /**
   * How often the database credentials in Secrets Manager are rotated (whole days, 1-365). Default 30 days.
   */
  public Duration secretRotationInterval() { return secretRotationInterval; }

  /**
   * Code of the import job (the {@code tally-functions} jar). Required.
   */
  public Code importFunctionCode() { return importFunctionCode; }

  /**
   * Day of the month the import job runs (1-28). Default 1: the month's new invoices are in the portal before its
   * busiest days.
   */
  public int importDayOfMonth() { return importDayOfMonth; }

  /**
   * Hour (UTC, 0-23) of the import job's first run that day; it runs again every hour until the end of the day, each
   * run continuing from the last checkpoint and doing nothing once the month is imported. Default 2.
   */
  public int importHour() { return importHour; }

  /**
   * Import job memory, MB (128-10240). Default 2048: more memory is more CPU for parsing and JDBC batches.
   */
  public int importMemorySize() { return importMemorySize; }

  /**
   * Import job timeout (whole seconds, 60-900). Default 15 minutes, Lambda's maximum; the job checkpoints and stops
   * about 30 s before it.
   */
  public Duration importTimeout() { return importTimeout; }

  /**
   * Topic that every alarm notifies (alarm and OK). Default {@code null}: alarms are created without actions.
   */
  public ITopic alarmTopic() { return alarmTopic; }

  /** Builds {@link CustomerPortalProps}, starting from the documented defaults. */
  public static final class Builder {
    private boolean production;
    private IVpc vpc;
    private List<String> availabilityZones;
    private int maxAzs = 2;
    private Integer natGateways;
    private boolean interfaceEndpoints = true;
    private IRepository ecrRepository;
    private String imageTag;
    private ContainerImage containerImage;
    private int containerPort = 8080;
    private String containerUser = "1000:1000";
    private String healthCheckPath = "/health";
    private int cpu = 512;
    private int memoryLimitMiB = 1024;
    private CpuArchitecture cpuArchitecture = EcsDefaults.DEFAULT_CPU_ARCHITECTURE;
    private int minTaskCount = 2;
    private int maxTaskCount = 10;
    private int peakMinTaskCount = 4;
    private int peakStartDay = 1;
    private int peakEndDay = 10;
    private int cpuTargetUtilization = 60;
    private int requestsPerTarget = 1000;
    private int minHealthyPercent = 100;
    private int fargateSpotShare = 0;
    private boolean enableExecuteCommand = false;
    private IListenerCertificate certificate;
    private String webAclArn;
    private RetentionDays logRetention = LogGroupDefaults.DEFAULT_RETENTION;
    private Duration accessLogRetention = Duration.days(90);
    private Duration documentsArchiveAfter = Duration.days(60);
    private StorageClass documentsArchiveClass = StorageClass.GLACIER_INSTANT_RETRIEVAL;
    private Duration noncurrentVersionExpiration = Duration.days(30);
    private IKey documentsEncryptionKey;
    private InstanceType databaseInstanceType = RdsDefaults.DEFAULT_INSTANCE_TYPE;
    private PostgresEngineVersion databaseEngineVersion = RdsDefaults.DEFAULT_POSTGRES_VERSION;
    private String databaseName = "portal";
    private int allocatedStorageGiB = 50;
    private int maxAllocatedStorageGiB = 200;
    private Duration backupRetention = Duration.days(7);
    private Boolean multiAz;
    private Duration secretRotationInterval = Duration.days(30);
    private Code importFunctionCode;
    private int importDayOfMonth = 1;
    private int importHour = 2;
    private int importMemorySize = 2048;
    private Duration importTimeout = Duration.minutes(15);
    private ITopic alarmTopic;

    private Builder() {}

    /** @see CustomerPortalProps#production() */
    public Builder production(boolean v) { production = v; return this; }
    /** @see CustomerPortalProps#vpc() */
    public Builder vpc(IVpc v) { vpc = v; return this; }
    /** @see CustomerPortalProps#availabilityZones() */
    public Builder availabilityZones(List<String> v) { availabilityZones = v == null ? null : List.copyOf(v); return this; }
    /** @see CustomerPortalProps#maxAzs() */
    public Builder maxAzs(int v) { maxAzs = v; return this; }
    /** @see CustomerPortalProps#natGateways() */
    public Builder natGateways(Integer v) { natGateways = v; return this; }
    /** @see CustomerPortalProps#interfaceEndpoints() */
    public Builder interfaceEndpoints(boolean v) { interfaceEndpoints = v; return this; }
    /** @see CustomerPortalProps#ecrRepository() */
    public Builder ecrRepository(IRepository v) { ecrRepository = v; return this; }
    /** @see CustomerPortalProps#imageTag() */
    public Builder imageTag(String v) { imageTag = v; return this; }
    /** @see CustomerPortalProps#containerImage() */
    public Builder containerImage(ContainerImage v) { containerImage = v; return this; }
    /** @see CustomerPortalProps#containerPort() */
    public Builder containerPort(int v) { containerPort = v; return this; }
    /** @see CustomerPortalProps#containerUser() */
    public Builder containerUser(String v) { containerUser = v; return this; }
    /** @see CustomerPortalProps#healthCheckPath() */
    public Builder healthCheckPath(String v) { healthCheckPath = v; return this; }
    /** @see CustomerPortalProps#cpu() */
    public Builder cpu(int v) { cpu = v; return this; }
    /** @see CustomerPortalProps#memoryLimitMiB() */
    public Builder memoryLimitMiB(int v) { memoryLimitMiB = v; return this; }
    /** @see CustomerPortalProps#cpuArchitecture() */
    public Builder cpuArchitecture(CpuArchitecture v) { cpuArchitecture = v; return this; }
    /** @see CustomerPortalProps#minTaskCount() */
    public Builder minTaskCount(int v) { minTaskCount = v; return this; }
    /** @see CustomerPortalProps#maxTaskCount() */
    public Builder maxTaskCount(int v) { maxTaskCount = v; return this; }
    /** @see CustomerPortalProps#peakMinTaskCount() */
    public Builder peakMinTaskCount(int v) { peakMinTaskCount = v; return this; }
    /** @see CustomerPortalProps#peakStartDay() */
    public Builder peakStartDay(int v) { peakStartDay = v; return this; }
    /** @see CustomerPortalProps#peakEndDay() */
    public Builder peakEndDay(int v) { peakEndDay = v; return this; }
    /** @see CustomerPortalProps#cpuTargetUtilization() */
    public Builder cpuTargetUtilization(int v) { cpuTargetUtilization = v; return this; }
    /** @see CustomerPortalProps#requestsPerTarget() */
    public Builder requestsPerTarget(int v) { requestsPerTarget = v; return this; }
    /** @see CustomerPortalProps#minHealthyPercent() */
    public Builder minHealthyPercent(int v) { minHealthyPercent = v; return this; }
    /** @see CustomerPortalProps#fargateSpotShare() */
    public Builder fargateSpotShare(int v) { fargateSpotShare = v; return this; }
    /** @see CustomerPortalProps#enableExecuteCommand() */
    public Builder enableExecuteCommand(boolean v) { enableExecuteCommand = v; return this; }
    /** @see CustomerPortalProps#certificate() */
    public Builder certificate(IListenerCertificate v) { certificate = v; return this; }
    /** @see CustomerPortalProps#webAclArn() */
    public Builder webAclArn(String v) { webAclArn = v; return this; }
    /** @see CustomerPortalProps#logRetention() */
    public Builder logRetention(RetentionDays v) { logRetention = v; return this; }
    /** @see CustomerPortalProps#accessLogRetention() */
    public Builder accessLogRetention(Duration v) { accessLogRetention = v; return this; }
    /** @see CustomerPortalProps#documentsArchiveAfter() */
    public Builder documentsArchiveAfter(Duration v) { documentsArchiveAfter = v; return this; }
    /** @see CustomerPortalProps#documentsArchiveClass() */
    public Builder documentsArchiveClass(StorageClass v) { documentsArchiveClass = v; return this; }
    /** @see CustomerPortalProps#noncurrentVersionExpiration() */
    public Builder noncurrentVersionExpiration(Duration v) { noncurrentVersionExpiration = v; return this; }
    /** @see CustomerPortalProps#documentsEncryptionKey() */
    public Builder documentsEncryptionKey(IKey v) { documentsEncryptionKey = v; return this; }
    /** @see CustomerPortalProps#databaseInstanceType() */
    public Builder databaseInstanceType(InstanceType v) { databaseInstanceType = v; return this; }
    /** @see CustomerPortalProps#databaseEngineVersion() */
    public Builder databaseEngineVersion(PostgresEngineVersion v) { databaseEngineVersion = v; return this; }
    /** @see CustomerPortalProps#databaseName() */
    public Builder databaseName(String v) { databaseName = v; return this; }
    /** @see CustomerPortalProps#allocatedStorageGiB() */
    public Builder allocatedStorageGiB(int v) { allocatedStorageGiB = v; return this; }
    /** @see CustomerPortalProps#maxAllocatedStorageGiB() */
    public Builder maxAllocatedStorageGiB(int v) { maxAllocatedStorageGiB = v; return this; }
    /** @see CustomerPortalProps#backupRetention() */
    public Builder backupRetention(Duration v) { backupRetention = v; return this; }
    /** @see CustomerPortalProps#multiAz() */
    public Builder multiAz(Boolean v) { multiAz = v; return this; }
    /** @see CustomerPortalProps#secretRotationInterval() */
    public Builder secretRotationInterval(Duration v) { secretRotationInterval = v; return this; }
    /** @see CustomerPortalProps#importFunctionCode() */
    public Builder importFunctionCode(Code v) { importFunctionCode = v; return this; }
    /** @see CustomerPortalProps#importDayOfMonth() */
    public Builder importDayOfMonth(int v) { importDayOfMonth = v; return this; }
    /** @see CustomerPortalProps#importHour() */
    public Builder importHour(int v) { importHour = v; return this; }
    /** @see CustomerPortalProps#importMemorySize() */
    public Builder importMemorySize(int v) { importMemorySize = v; return this; }
    /** @see CustomerPortalProps#importTimeout() */
    public Builder importTimeout(Duration v) { importTimeout = v; return this; }
    /** @see CustomerPortalProps#alarmTopic() */
    public Builder alarmTopic(ITopic v) { alarmTopic = v; return this; }

    /**
     * Validates and builds the props.
     *
     * @throws InvalidCustomerPortalPropsException naming every invalid prop, if any
     */
    public CustomerPortalProps build() {
      CustomerPortalProps props = new CustomerPortalProps(this);
      CustomerPortalPropsValidation.requireValid(props);
      return props;
    }
  }
}
