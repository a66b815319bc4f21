package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tally.functions.portalimport.ImportHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@DisplayName("CustomerPortal with default props")
class CustomerPortalDefaultsTest {

  private static Stack stack;
  private static Template template;
  private static String templateJson;

  @BeforeAll
  static void synthesize() {
    stack = PortalFixtures.newStack();
    PortalFixtures.addNagPacks(stack);
    new CustomerPortal(stack, "Portal", PortalFixtures.minimalProps(stack).build());
    template = Template.fromStack(stack);
    templateJson = template.toJSON().toString();
  }

  @Test
  @DisplayName("a VPC over two AZs: public, application and data subnets, one NAT gateway outside production")
  void vpc() {
    template.resourceCountIs("AWS::EC2::VPC", 1);
    template.resourceCountIs("AWS::EC2::Subnet", 6);
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
  }

  @Test
  @DisplayName("an S3 gateway endpoint and interface endpoints for ECR, ECR registry, Logs, Secrets Manager and KMS")
  void endpoints() {
    template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
        "VpcEndpointType", "Interface", "PrivateDnsEnabled", true)), 5);
    template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
        "VpcEndpointType", "Gateway")), 1);
  }

  @Test
  @DisplayName("VPC flow logs (all traffic) go to the access-log bucket")
  void flowLogs() {
    template.hasResourceProperties("AWS::EC2::FlowLog", Match.objectLike(Map.of(
        "LogDestinationType", "s3", "TrafficType", "ALL")));
  }

  @Test
  @DisplayName("ALB: internet-facing, invalid headers dropped, no deletion protection, access logs on")
  void loadBalancer() {
    assertLoadBalancerAttribute(template, "routing.http.drop_invalid_header_fields.enabled", "true");
    assertLoadBalancerAttribute(template, "deletion_protection.enabled", "false");
    assertLoadBalancerAttribute(template, "access_logs.s3.enabled", "true");
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
        "Scheme", "internet-facing")));
  }

  static void assertLoadBalancerAttribute(Template template, String key, String value) {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
        "LoadBalancerAttributes", Match.arrayWith(List.of(Map.of("Key", key, "Value", value))))));
  }

  @Test
  @DisplayName("without a certificate: one HTTP listener on 80 forwarding to the tasks, no WAF")
  void httpListener() {
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
        "Port", 80, "Protocol", "HTTP",
        "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward"))))));
    template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
  }

  @Test
  @DisplayName("target group: IP targets on 8080, health check on /health expecting 200")
  void targetGroup() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
        "Port", 8080, "TargetType", "ip", "HealthCheckPath", "/health", "Matcher", Map.of("HttpCode", "200"))));
  }

  @Test
  @DisplayName("the ECS cluster has Container Insights")
  void containerInsights() {
    template.hasResourceProperties("AWS::ECS::Cluster", Match.objectLike(Map.of(
        "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled")))));
  }

  @Test
  @DisplayName("task: 512 CPU / 1024 MiB on ARM64, read-only root, non-root user, logs, credentials as secrets")
  void taskDefinition() {
    template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
        "Cpu", "512", "Memory", "1024",
        "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
        "ContainerDefinitions", List.of(Match.objectLike(Map.of(
            "ReadonlyRootFilesystem", true,
            "User", "1000:1000",
            "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 8080))),
            "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs")),
            "MountPoints", List.of(Map.of("ContainerPath", "/tmp", "ReadOnly", false, "SourceVolume", "tmp")),
            "Secrets", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "DB_PASSWORD"))))))))));
  }

  @Test
  @DisplayName("service: 2 tasks, 100% minimum healthy, circuit breaker with rollback, no exec, FARGATE only")
  void service() {
    template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
        "DesiredCount", 2,
        "PlatformVersion", "LATEST",
        "EnableExecuteCommand", false,
        "DeploymentConfiguration", Match.objectLike(Map.of(
            "MinimumHealthyPercent", 100,
            "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
        "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE", "Base", 1, "Weight", 100)),
        "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))))));
  }

  @Test
  @DisplayName("scaling: 2-10 tasks, CPU 60% and 1000 requests per task, floor of 4 from the 1st to the 10th")
  void scaling() {
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 2, "MaxCapacity", 10,
        "ScheduledActions", List.of(
            Map.of("ScalableTargetAction", Map.of("MinCapacity", 4), "Schedule", "cron(0 0 1 * ? *)",
                "ScheduledActionName", Match.stringLikeRegexp(".*PeakFloorStart.*")),
            Map.of("ScalableTargetAction", Map.of("MinCapacity", 2), "Schedule", "cron(0 0 11 * ? *)",
                "ScheduledActionName", Match.stringLikeRegexp(".*PeakFloorEnd.*"))))));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 60)))));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 1000,
            "PredefinedMetricSpecification", Match.objectLike(Map.of(
                "PredefinedMetricType", "ALBRequestCountPerTarget")))))));
  }

  @Test
  @DisplayName("documents: versioned, KMS with bucket key, public access blocked, to Glacier IR after 60 days")
  void documentsBucket() {
    template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "VersioningConfiguration", Map.of("Status", "Enabled"),
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
            "BucketKeyEnabled", true,
            "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))),
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
            "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "LifecycleConfiguration", Map.of("TransitionDefaultMinimumObjectSize", "all_storage_classes_128K",
            "Rules", List.of(
            Match.objectLike(Map.of("Id", "archive-documents", "Transitions", List.of(Map.of(
                "StorageClass", "GLACIER_IR", "TransitionInDays", 60)))),
            Match.objectLike(Map.of("Id", "expire-noncurrent-versions",
                "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30),
                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7))))))));
  }

  @Test
  @DisplayName("every bucket refuses plain HTTP")
  void tlsOnly() {
    template.resourcePropertiesCountIs("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))), 2);
  }

  @Test
  @DisplayName("the documents key is created with rotation")
  void documentsKey() {
    template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
  }

  @Test
  @DisplayName("database: PostgreSQL 17 on db.t4g.medium, encrypted, IAM auth, PI, 7-day backups, single-AZ")
  void database() {
    template.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(PortalFixtures.props(
        "Engine", "postgres", "EngineVersion", "17", "DBInstanceClass", "db.t4g.medium",
        "StorageEncrypted", true, "EnableIAMDatabaseAuthentication", true, "EnablePerformanceInsights", true,
        "BackupRetentionPeriod", 7, "MultiAZ", false, "DeletionProtection", false, "PubliclyAccessible", false,
        "AllocatedStorage", "50", "MaxAllocatedStorage", 200,
        "EnableCloudwatchLogsExports", List.of("postgresql", "upgrade"))));
  }

  @Test
  @DisplayName("database credentials rotate every 30 days")
  void rotation() {
    template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
        "RotationRules", Match.objectLike(Map.of("ScheduleExpression", "rate(30 days)")))));
  }

  @Test
  @DisplayName("the database's exported logs have retention (one month)")
  void databaseLogGroups() {
    template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of(
        "LogGroupName", Match.stringLikeRegexp("/aws/rds/instance/.*/(postgresql|upgrade)"),
        "RetentionInDays", 30)), 2);
  }

  @Test
  @DisplayName("import job: its handler on java21 arm64, 2048 MB, 900 s, one at a time, dead-letter queue")
  void importFunction() {
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", CustomerPortal.IMPORT_HANDLER, "Runtime", "java21", "Architectures", List.of("arm64"),
        "MemorySize", 2048, "Timeout", 900, "ReservedConcurrentExecutions", 1,
        "DeadLetterConfig", Match.objectLike(Map.of("TargetArn", Match.anyValue())),
        "VpcConfig", Match.objectLike(Map.of("SubnetIds", Match.anyValue())),
        "Environment", Map.of("Variables", Match.objectEquals(Map.of(
            ImportHandler.DOCUMENTS_BUCKET, Match.anyValue(), ImportHandler.MANIFEST_PREFIX, "manifests/",
            ImportHandler.DB_SECRET_ARN, Match.anyValue()))))));
  }

  @Test
  @DisplayName("the import Handler names the functions module's ImportHandler, a RequestHandler the runtime can build")
  void importHandlerContract() throws Exception {
    String[] handler = CustomerPortal.IMPORT_HANDLER.split("::");
    Class<?> type = Class.forName(handler[0]);
    assertThat(type).isEqualTo(ImportHandler.class);
    assertThat(RequestHandler.class).isAssignableFrom(type);
    assertThat(type.getConstructor()).isNotNull();
    assertThat(type.getMethods()).anyMatch(m -> m.getName().equals(handler[1]) && m.getParameterCount() == 2);
  }

  @Test
  @DisplayName("import schedule: day 1 from 02:00 UTC hourly, retried twice, failures to the dead-letter queue")
  void importSchedule() {
    template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
        "ScheduleExpression", "cron(0 2-23 1 * ? *)",
        "Targets", List.of(Match.objectLike(Map.of(
            "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 3600),
            "DeadLetterConfig", Match.objectLike(Map.of("Arn", Match.anyValue()))))))));
  }

  @Test
  @DisplayName("the import job may read manifests only, and no role has an AWS managed policy")
  void importPermissions() {
    assertThat(templateJson).contains("/manifests/*");
    template.allResourcesProperties("AWS::IAM::Role", Match.objectLike(Map.of(
        "ManagedPolicyArns", Match.absent())));
  }

  @Test
  @DisplayName("six alarms, without actions when no alarm topic is given")
  void alarms() {
    template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "AlarmActions", Match.absent())));
  }

  @Test
  @DisplayName("the default portal has no AwsSolutions or Serverless errors and no warnings")
  void nagClean() {
    assertThat(PortalFixtures.nagErrors(stack)).as("nag errors").isEmpty();
    assertThat(PortalFixtures.nagWarnings(stack)).as("nag warnings").isEmpty();
  }
}
