package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.sns.Topic;

/** Every prop set away from its default in one synthesized stack, and a portal in an existing VPC in another. */
@DisplayName("CustomerPortal with every prop overridden")
class CustomerPortalOverridesTest {

  static final String WEB_ACL =
      "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/portal/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
  static final String CERTIFICATE = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd-1234";

  private static Template template;
  private static CustomerPortal portal;
  private static Template existingVpc;
  private static Stack stack;

  @BeforeAll
  static void synthesize() {
    stack = PortalFixtures.newStack();
    PortalFixtures.addNagPacks(stack);
    Topic alarms = new Topic(stack, "OpsAlarms");
    Key key = Key.Builder.create(stack, "OwnKey").enableKeyRotation(true).build();
    portal = new CustomerPortal(stack, "Portal", CustomerPortalProps.builder()
        .production(true)
        .maxAzs(2)
        .natGateways(1)
        .interfaceEndpoints(false)
        .containerImage(ContainerImage.fromRegistry("public.ecr.aws/example/portal:2026.12.1"))
        .containerPort(9000)
        .containerUser("portal")
        .healthCheckPath("/ready")
        .cpu(1024)
        .memoryLimitMiB(3072)
        .cpuArchitecture(CpuArchitecture.X86_64)
        .minTaskCount(3)
        .maxTaskCount(20)
        .peakMinTaskCount(8)
        .peakStartDay(2)
        .peakEndDay(12)
        .cpuTargetUtilization(50)
        .requestsPerTarget(600)
        .minHealthyPercent(50)
        .enableExecuteCommand(true)
        .certificate(ListenerCertificate.fromArn(CERTIFICATE))
        .webAclArn(WEB_ACL)
        .logRetention(RetentionDays.THREE_MONTHS)
        .accessLogRetention(Duration.days(30))
        .documentsArchiveAfter(Duration.days(90))
        .documentsArchiveClass(StorageClass.DEEP_ARCHIVE)
        .noncurrentVersionExpiration(Duration.days(10))
        .documentsEncryptionKey(key)
        .databaseInstanceType(InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE))
        .databaseEngineVersion(PostgresEngineVersion.VER_16)
        .databaseName("invoices")
        .allocatedStorageGiB(100)
        .maxAllocatedStorageGiB(400)
        .backupRetention(Duration.days(14))
        .multiAz(false)
        .secretRotationInterval(Duration.days(7))
        .importFunctionCode(PortalFixtures.placeholderCode())
        .importDayOfMonth(28)
        .importHour(23)
        .importMemorySize(4096)
        .importTimeout(Duration.minutes(10))
        .alarmTopic(alarms)
        .build());
    template = Template.fromStack(stack);

    Stack other = PortalFixtures.newStack();
    Vpc vpc = Vpc.Builder.create(other, "SharedVpc").maxAzs(2).build();
    new CustomerPortal(other, "Portal", PortalFixtures.minimalProps(other).vpc(vpc)
        .fargateSpotShare(50).build());
    existingVpc = Template.fromStack(other);
  }

  @Test
  @DisplayName("vpc: the portal uses the VPC given, creates none, and its database uses the private subnets")
  void existingVpcIsUsed() {
    existingVpc.resourceCountIs("AWS::EC2::VPC", 1);
    existingVpc.resourceCountIs("AWS::EC2::FlowLog", 0);
    existingVpc.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    existingVpc.resourceCountIs("AWS::RDS::DBSubnetGroup", 1);
  }

  @Test
  @DisplayName("fargateSpotShare: the first task on FARGATE, the rest split 50/50 with FARGATE_SPOT (ARM64)")
  void fargateSpotShare() {
    existingVpc.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
        "CapacityProviderStrategy", List.of(
            Map.of("CapacityProvider", "FARGATE", "Base", 1, "Weight", 50),
            Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 50)))));
    existingVpc.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
        "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"))));
  }

  @Test
  @DisplayName("natGateways and interfaceEndpoints: one NAT in production as asked, no interface endpoints")
  void network() {
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
        "VpcEndpointType", "Interface")), 0);
  }

  @Test
  @DisplayName("containerImage, port, user, cpu, memory and architecture reach the task definition")
  void task() {
    template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
        "Cpu", "1024", "Memory", "3072",
        "RuntimePlatform", Map.of("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
        "ContainerDefinitions", List.of(Match.objectLike(Map.of(
            "Image", "public.ecr.aws/example/portal:2026.12.1", "User", "portal",
            "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 9000)))))))));
  }

  @Test
  @DisplayName("healthCheckPath reaches the target group")
  void healthCheck() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
        "Port", 9000, "HealthCheckPath", "/ready")));
  }

  @Test
  @DisplayName("minTaskCount, minHealthyPercent and enableExecuteCommand reach the service")
  void service() {
    template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
        "DesiredCount", 3, "EnableExecuteCommand", true,
        "DeploymentConfiguration", Match.objectLike(Map.of("MinimumHealthyPercent", 50)))));
  }

  @Test
  @DisplayName("scaling bounds, targets and the peak floor follow the props")
  void scaling() {
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 3, "MaxCapacity", 20,
        "ScheduledActions", List.of(
            Match.objectLike(Map.of("ScalableTargetAction", Map.of("MinCapacity", 8),
                "Schedule", "cron(0 0 2 * ? *)")),
            Match.objectLike(Map.of("ScalableTargetAction", Map.of("MinCapacity", 3),
                "Schedule", "cron(0 0 13 * ? *)"))))));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 50)))));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 600)))));
  }

  @Test
  @DisplayName("certificate: HTTPS on 443 with the recommended TLS policy, HTTP redirected to it")
  void https() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
        "Port", 443, "Protocol", "HTTPS", "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "Certificates", List.of(Map.of("CertificateArn", CERTIFICATE)))));
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
        "Port", 80, "Protocol", "HTTP",
        "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
            "RedirectConfig", Match.objectLike(Map.of("Port", "443", "Protocol", "HTTPS"))))))));
  }

  @Test
  @DisplayName("webAclArn: the web ACL is associated with the load balancer")
  void webAcl() {
    template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Match.objectLike(Map.of(
        "WebACLArn", WEB_ACL)));
  }

  @Test
  @DisplayName("production: load balancer deletion protection and database deletion protection")
  void production() {
    CustomerPortalDefaultsTest.assertLoadBalancerAttribute(template, "deletion_protection.enabled", "true");
    template.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of("DeletionProtection", true)));
    template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
  }

  @Test
  @DisplayName("logRetention and accessLogRetention")
  void retention() {
    template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 90)));
    template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
            "Id", "expire-access-logs", "ExpirationInDays", 30)))))));
  }

  @Test
  @DisplayName("documents: Deep Archive after 90 days, noncurrent versions after 10, the key given")
  void documents() {
    template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "LifecycleConfiguration", Match.objectLike(Map.of("Rules", List.of(
            Match.objectLike(Map.of("Transitions", List.of(Map.of(
                "StorageClass", "DEEP_ARCHIVE", "TransitionInDays", 90)))),
            Match.objectLike(Map.of("NoncurrentVersionExpiration", Map.of("NoncurrentDays", 10)))))))));
    template.resourceCountIs("AWS::KMS::Key", 1);
  }

  @Test
  @DisplayName("database: m7g.large, PostgreSQL 16, its name, storage, 14-day backups, single-AZ as asked")
  void database() {
    template.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(PortalFixtures.props(
        "DBInstanceClass", "db.m7g.large", "EngineVersion", "16", "DBName", "invoices",
        "AllocatedStorage", "100", "MaxAllocatedStorage", 400, "BackupRetentionPeriod", 14, "MultiAZ", false)));
  }

  @Test
  @DisplayName("secretRotationInterval: every 7 days")
  void rotation() {
    template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
        "RotationRules", Match.objectLike(Map.of("ScheduleExpression", "rate(7 days)")))));
  }

  @Test
  @DisplayName("import job: 4096 MB, 600 s, on day 28 at 23:00 UTC")
  void importJob() {
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "MemorySize", 4096, "Timeout", 600)));
    template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
        "ScheduleExpression", "cron(0 23 28 * ? *)")));
  }

  @Test
  @DisplayName("the customer-facing alarms are the 5xx and unhealthy-task alarms")
  void customerFacingAlarms() {
    assertThat(portal.getCustomerFacingAlarms()).extracting(a -> a.getNode().getId())
        .containsExactly("Target5xxAlarm", "UnhealthyTasksAlarm");
    assertThat(portal.getAlarms()).hasSize(6);
  }

  @Test
  @DisplayName("alarmTopic: every alarm notifies it on alarm and on OK")
  void alarmTopic() {
    template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("OpsAlarms.*"))),
        "OKActions", List.of(Map.of("Ref", Match.stringLikeRegexp("OpsAlarms.*"))))));
  }

  @Test
  @DisplayName("the gate reports what the props chose against the rules: single-AZ in production, ECS Exec")
  void riskyChoicesAreReported() {
    List<String> errors = List.of(PortalFixtures.nagErrors(stack).split("\n"));
    assertThat(errors).filteredOn(e -> e.startsWith("/TestStack/Portal/")).containsExactlyInAnyOrder(
        "/TestStack/Portal/Database/Resource AwsSolutions-RDS3: The non-Aurora RDS DB instance does not have"
            + " multi-AZ support enabled.",
        "/TestStack/Portal/TaskDefinition/TaskRole/DefaultPolicy/Resource AwsSolutions-IAM5[Resource::*]: The IAM"
            + " entity contains wildcard permissions and does not have a cdk-nag rule suppression with evidence for"
            + " those permission.");
  }
}
