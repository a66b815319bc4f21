package dev.tally.constructs.defaults;

import java.util.List;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;
import software.amazon.awscdk.services.rds.DatabaseInstanceProps;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.StorageType;

/** Default props for RDS database instances. */
public final class RdsDefaults {

  /** PostgreSQL 17: the newest major version with a full year of minor releases behind it. */
  public static final PostgresEngineVersion DEFAULT_POSTGRES_VERSION = PostgresEngineVersion.VER_17;

  /**
   * Graviton burstable, 2 vCPU / 4 GiB: a portal of tens of thousands of users is idle most of the month and bursts
   * in its first days; the credits cover that. Move to {@code m7g} when CPU credits run out.
   */
  public static final InstanceType DEFAULT_INSTANCE_TYPE = InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM);

  /** The log types PostgreSQL on RDS can export to CloudWatch Logs. */
  public static final List<String> POSTGRES_LOG_EXPORTS = List.of("postgresql", "upgrade");

  private RdsDefaults() {}

  /**
   * An encrypted gp3 instance, never publicly accessible, with IAM authentication, Performance Insights (7 days,
   * free tier), minor-version auto-upgrade, tags copied to snapshots and automated backups kept on deletion. The
   * caller sets engine, instance type, VPC, subnets, credentials, backups, Multi-AZ and deletion protection.
   */
  public static DatabaseInstanceProps.Builder encryptedInstanceProps() {
    return DatabaseInstanceProps.builder()
        .storageEncrypted(true)
        .storageType(StorageType.GP3)
        .publiclyAccessible(false)
        .iamAuthentication(true)
        .enablePerformanceInsights(true)
        .performanceInsightRetention(PerformanceInsightRetention.DEFAULT)
        .autoMinorVersionUpgrade(true)
        .copyTagsToSnapshot(true)
        .deleteAutomatedBackups(false);
  }
}
