package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.RdsDefaults;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.constructs.Construct;

/** The portal's PostgreSQL instance, its exported log groups and its rotated credentials. */
final class PortalDatabase {

  /** Master user name; the secret holds its password, rotated by Secrets Manager. */
  static final String MASTER_USER = "portal_admin";

  private PortalDatabase() {}

  static DatabaseInstance create(Construct scope, CustomerPortalProps p, IVpc vpc) {
    SecurityGroup securityGroup = SecurityGroup.Builder.create(scope, "DatabaseSecurityGroup")
        .vpc(vpc)
        .description("Customer portal database: reachable from the portal tasks, the import job and the rotation")
        .allowAllOutbound(false)
        .build();
    // An explicit identifier lets the exported log groups exist, with retention, before RDS first writes to them
    // (RDS would otherwise create them itself, kept forever); a retention custom resource would need a Lambda.
    String identifier = Names.uniqueResourceName(scope, UniqueResourceNameOptions.builder()
        .maxLength(50).separator("-").build()).toLowerCase().replaceAll("[^a-z0-9-]", "").replaceAll("-+", "-");
    List<LogGroup> logGroups = new ArrayList<>();
    for (String type : RdsDefaults.POSTGRES_LOG_EXPORTS) {
      logGroups.add(new LogGroup(scope, "DatabaseLogs" + Character.toUpperCase(type.charAt(0)) + type.substring(1),
          LogGroupDefaults.logGroupProps(p.logRetention(), p.production())
              .logGroupName("/aws/rds/instance/" + identifier + "/" + type)
              .build()));
    }
    DatabaseInstance instance = new DatabaseInstance(scope, "Database", RdsDefaults.encryptedInstanceProps()
        .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
            .version(p.databaseEngineVersion()).build()))
        .instanceType(p.databaseInstanceType())
        .instanceIdentifier(identifier)
        .vpc(vpc)
        .vpcSubnets(PortalNetwork.databaseSubnets(vpc))
        .securityGroups(List.of(securityGroup))
        .credentials(Credentials.fromGeneratedSecret(MASTER_USER))
        .databaseName(p.databaseName())
        .allocatedStorage(p.allocatedStorageGiB())
        .maxAllocatedStorage(p.maxAllocatedStorageGiB())
        .backupRetention(p.backupRetention())
        .multiAz(p.effectiveMultiAz())
        .deletionProtection(p.production())
        .removalPolicy(p.production() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
        .cloudwatchLogsExports(RdsDefaults.POSTGRES_LOG_EXPORTS)
        .build());
    logGroups.forEach(group -> instance.getNode().addDependency(group));
    instance.addRotationSingleUser(RotationSingleUserOptions.builder()
        .automaticallyAfter(p.secretRotationInterval())
        .vpcSubnets(PortalNetwork.applicationSubnets())
        .build());
    return instance;
  }
}
