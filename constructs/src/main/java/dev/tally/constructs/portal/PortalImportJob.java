package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.LambdaDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.SqsDefaults;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The monthly import: a Lambda in the VPC on an EventBridge schedule, reading manifests from the documents bucket
 * and writing metadata to the database, with one dead-letter queue for failed deliveries and failed invocations.
 */
final class PortalImportJob {

  /** Handler of the import job. */
  static final String HANDLER = "dev.tally.functions.portalimport.ImportHandler::handleRequest";
  /** Where the manifests live in the documents bucket: {@code manifests/YYYY-MM.csv}. */
  static final String MANIFEST_PREFIX = "manifests/";

  final Function function;
  final Queue deadLetterQueue;
  final Rule schedule;
  final Role role;

  PortalImportJob(Construct scope, CustomerPortalProps p, IVpc vpc, IBucket documents, IKey documentsKey,
      DatabaseInstance database) {
    deadLetterQueue = new Queue(scope, "ImportDeadLetterQueue", SqsDefaults.encryptedQueueProps().build());
    role = Role.Builder.create(scope, "ImportRole")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Least-privilege execution role of the customer portal's monthly import job")
        .build();
    // A function in a VPC manages its own network interfaces; these actions take no resource-level scope.
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"))
        .resources(List.of("*"))
        .build());
    // Manifests only: the job never reads the documents themselves.
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetObject"))
        .resources(List.of(documents.arnForObjects(MANIFEST_PREFIX + "*")))
        .build());
    documentsKey.grantDecrypt(role);
    database.getSecret().grantRead(role);

    LogGroup logGroup = new LogGroup(scope, "ImportLogs",
        LogGroupDefaults.logGroupProps(p.logRetention(), p.production()).build());
    logGroup.grantWrite(role);
    SecurityGroup securityGroup = SecurityGroup.Builder.create(scope, "ImportSecurityGroup")
        .vpc(vpc)
        .description("Customer portal import job: out to the database, S3 and Secrets Manager")
        .allowAllOutbound(true)
        .build();
    function = new Function(scope, "ImportFunction", LambdaDefaults.javaFunctionProps()
        .code(p.importFunctionCode())
        .handler(HANDLER)
        .role(role)
        .logGroup(logGroup)
        .memorySize(p.importMemorySize())
        .timeout(p.importTimeout())
        .vpc(vpc)
        .vpcSubnets(PortalNetwork.applicationSubnets())
        .securityGroups(List.of(securityGroup))
        // One run at a time: two runs of the same month would race for the same checkpoint.
        .reservedConcurrentExecutions(1)
        .deadLetterQueue(deadLetterQueue)
        .environment(Map.of(
            "DOCUMENTS_BUCKET", documents.getBucketName(),
            "MANIFEST_PREFIX", MANIFEST_PREFIX,
            "DB_SECRET_ARN", database.getSecret().getSecretArn()))
        .build());
    database.getConnections().allowDefaultPortFrom(securityGroup, "Portal import job");

    // The first run at importHour, then hourly to the end of the day: a run that stopped at its checkpoint is
    // continued within the hour, and runs after the month is complete return at once.
    schedule = Rule.Builder.create(scope, "ImportSchedule")
        .description("Monthly document import: day " + p.importDayOfMonth() + ", hourly from "
            + p.importHour() + ":00 UTC")
        .schedule(Schedule.cron(CronOptions.builder()
            .minute("0")
            .hour(p.importHour() == 23 ? "23" : p.importHour() + "-23")
            .day(Integer.toString(p.importDayOfMonth()))
            .build()))
        .targets(List.of(new LambdaFunction(function, LambdaFunctionProps.builder()
            .deadLetterQueue(deadLetterQueue)
            .retryAttempts(2)
            .maxEventAge(Duration.hours(1))
            .build())))
        .build();
  }
}
