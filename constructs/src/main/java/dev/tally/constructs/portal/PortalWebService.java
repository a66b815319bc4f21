package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.EcsDefaults;
import dev.tally.constructs.defaults.LoadBalancerDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.CronOptions;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerRedirectConfig;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/** The customer-facing part: load balancer, Fargate service on Graviton, and its scaling. */
final class PortalWebService {

  /** Capacity provider names of Fargate, as ECS spells them. */
  static final String FARGATE = "FARGATE";
  static final String FARGATE_SPOT = "FARGATE_SPOT";
  /** Name of the portal's container in the task definition. */
  static final String CONTAINER_NAME = "portal";
  /** Key prefix of the load balancer's access logs in the access-log bucket. */
  static final String ACCESS_LOG_PREFIX = "load-balancer";

  final Cluster cluster;
  final FargateTaskDefinition taskDefinition;
  final FargateService service;
  final ApplicationLoadBalancer loadBalancer;
  final ApplicationListener listener;
  final ApplicationTargetGroup targetGroup;
  final LogGroup logGroup;

  PortalWebService(Construct scope, CustomerPortalProps p, IVpc vpc, IBucket logBucket, IBucket documents,
      IKey documentsKey, DatabaseInstance database) {
    cluster = new Cluster(scope, "Cluster", EcsDefaults.clusterProps().vpc(vpc).build());
    logGroup = new LogGroup(scope, "ServiceLogs",
        LogGroupDefaults.logGroupProps(p.logRetention(), p.production()).build());
    taskDefinition = FargateTaskDefinition.Builder.create(scope, "TaskDefinition")
        .cpu(p.cpu())
        .memoryLimitMiB(p.memoryLimitMiB())
        .runtimePlatform(EcsDefaults.runtimePlatform(p.cpuArchitecture()))
        .build();
    addContainer(p, documents, database);
    grantDocuments(documents, documentsKey);

    service = new FargateService(scope, "Service", EcsDefaults.serviceProps()
        .cluster(cluster)
        .taskDefinition(taskDefinition)
        .desiredCount(p.minTaskCount())
        .minHealthyPercent(p.minHealthyPercent())
        .maxHealthyPercent(200)
        .enableExecuteCommand(p.enableExecuteCommand())
        .vpcSubnets(PortalNetwork.applicationSubnets())
        .capacityProviderStrategies(capacityProviders(p))
        .healthCheckGracePeriod(Duration.seconds(60))
        .build());
    database.getConnections().allowDefaultPortFrom(service, "Portal tasks");

    SecurityGroup albSecurityGroup = SecurityGroup.Builder.create(scope, "LoadBalancerSecurityGroup")
        .vpc(vpc)
        .description("Customer portal load balancer: HTTPS (and HTTP redirect) from the internet")
        .allowAllOutbound(false)
        .build();
    loadBalancer = new ApplicationLoadBalancer(scope, "LoadBalancer", LoadBalancerDefaults.internetFacingProps()
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .securityGroup(albSecurityGroup)
        .deletionProtection(p.production())
        .build());
    logAccessTo(logBucket);
    targetGroup = ApplicationTargetGroup.Builder.create(scope, "TargetGroup")
        .vpc(vpc)
        .port(p.containerPort())
        .protocol(ApplicationProtocol.HTTP)
        .targetType(TargetType.IP)
        .targets(List.of(service))
        .deregistrationDelay(Duration.seconds(30))
        .healthCheck(HealthCheck.builder()
            .path(p.healthCheckPath())
            .healthyHttpCodes("200")
            .interval(Duration.seconds(15))
            .build())
        .build();
    listener = addListeners(p);
    if (p.webAclArn() != null) {
      CfnWebACLAssociation.Builder.create(scope, "WebAclAssociation")
          .resourceArn(loadBalancer.getLoadBalancerArn())
          .webAclArn(p.webAclArn())
          .build();
    }
    scale(p);
  }

  /** Objects in, out and listed; no bucket configuration, no version deletion (the lifecycle expires those). */
  private void grantDocuments(IBucket documents, IKey documentsKey) {
    taskDefinition.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
        .resources(List.of(documents.arnForObjects("*")))
        .build());
    taskDefinition.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(documents.getBucketArn()))
        .build());
    documentsKey.grant(taskDefinition.getTaskRole(), "kms:Decrypt", "kms:GenerateDataKey");
  }

  /**
   * Access logs through the log-delivery service principal, which ELB documents for every region; the CDK's
   * {@code logAccessLogs} insists on a concrete region to pick a legacy per-region ELB account instead
   * (aws/aws-cdk#27432), which environment-agnostic stacks do not have.
   */
  private void logAccessTo(IBucket logBucket) {
    logBucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com")))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(logBucket.arnForObjects(ACCESS_LOG_PREFIX + "/AWSLogs/" + Aws.ACCOUNT_ID + "/*")))
        .build());
    loadBalancer.setAttribute("access_logs.s3.enabled", "true");
    loadBalancer.setAttribute("access_logs.s3.bucket", logBucket.getBucketName());
    loadBalancer.setAttribute("access_logs.s3.prefix", ACCESS_LOG_PREFIX);
    // ELB checks that it may write to the bucket when the attribute is set: the policy must exist first.
    if (logBucket.getPolicy() != null) {
      loadBalancer.getNode().addDependency(logBucket.getPolicy());
    }
  }

  private void addContainer(CustomerPortalProps p, IBucket documents, DatabaseInstance database) {
    ContainerImage image = p.containerImage() != null ? p.containerImage()
        : ContainerImage.fromEcrRepository(p.ecrRepository(), p.imageTag());
    ContainerDefinition container = taskDefinition.addContainer(CONTAINER_NAME, ContainerDefinitionOptions.builder()
        .image(image)
        .user(p.containerUser())
        .readonlyRootFilesystem(true)
        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix("portal").build()))
        .portMappings(List.of(PortMapping.builder().containerPort(p.containerPort()).build()))
        // Configuration, not secrets: the credentials come from Secrets Manager through the task's secrets.
        .environment(Map.of(
            "DOCUMENTS_BUCKET", documents.getBucketName(),
            "DB_HOST", database.getDbInstanceEndpointAddress(),
            "DB_PORT", database.getDbInstanceEndpointPort(),
            "DB_NAME", p.databaseName()))
        .secrets(Map.of(
            "DB_USERNAME", Secret.fromSecretsManager(database.getSecret(), "username"),
            "DB_PASSWORD", Secret.fromSecretsManager(database.getSecret(), "password")))
        .build());
    // The root filesystem is read-only; /tmp is a task-local scratch volume (deleted with the task).
    taskDefinition.addVolume(Volume.builder().name("tmp").build());
    container.addMountPoints(MountPoint.builder().sourceVolume("tmp").containerPath("/tmp").readOnly(false).build());
  }

  /**
   * Only FARGATE by default. With a spot share, the first task is always on FARGATE (base 1) and the rest split by
   * weight, so an interruption of every spot task still leaves the portal answering.
   */
  static List<CapacityProviderStrategy> capacityProviders(CustomerPortalProps p) {
    List<CapacityProviderStrategy> strategies = new ArrayList<>();
    strategies.add(CapacityProviderStrategy.builder()
        .capacityProvider(FARGATE).base(1).weight(100 - p.fargateSpotShare()).build());
    if (p.fargateSpotShare() > 0) {
      strategies.add(CapacityProviderStrategy.builder()
          .capacityProvider(FARGATE_SPOT).weight(p.fargateSpotShare()).build());
    }
    return strategies;
  }

  private ApplicationListener addListeners(CustomerPortalProps p) {
    if (p.certificate() == null) {
      return loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
          .port(80)
          .protocol(ApplicationProtocol.HTTP)
          .defaultTargetGroups(List.of(targetGroup))
          .open(true)
          .build());
    }
    ApplicationListener https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
        .port(443)
        .protocol(ApplicationProtocol.HTTPS)
        .certificates(List.of(p.certificate()))
        .sslPolicy(LoadBalancerDefaults.TLS_POLICY)
        .defaultTargetGroups(List.of(targetGroup))
        .open(true)
        .build());
    loadBalancer.addRedirect(ApplicationLoadBalancerRedirectConfig.builder()
        .sourceProtocol(ApplicationProtocol.HTTP).sourcePort(80)
        .targetProtocol(ApplicationProtocol.HTTPS).targetPort(443)
        .build());
    return https;
  }

  /**
   * Target tracking on CPU and on requests per task, whichever asks for more, plus a scheduled floor for the busy
   * days: invoices go out on the 1st and customers arrive faster than target tracking adds tasks.
   */
  private void scale(CustomerPortalProps p) {
    ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
        .minCapacity(p.minTaskCount()).maxCapacity(p.maxTaskCount()).build());
    scaling.scaleOnCpuUtilization("CpuScaling", CpuUtilizationScalingProps.builder()
        .targetUtilizationPercent(p.cpuTargetUtilization())
        .scaleOutCooldown(Duration.minutes(1))
        .scaleInCooldown(Duration.minutes(5))
        .build());
    scaling.scaleOnRequestCount("RequestScaling", RequestCountScalingProps.builder()
        .requestsPerTarget(p.requestsPerTarget())
        .targetGroup(targetGroup)
        .scaleOutCooldown(Duration.minutes(1))
        .scaleInCooldown(Duration.minutes(5))
        .build());
    scaling.scaleOnSchedule("PeakFloorStart", ScalingSchedule.builder()
        .schedule(monthlyAtMidnight(p.peakStartDay()))
        .minCapacity(p.peakMinTaskCount())
        .build());
    scaling.scaleOnSchedule("PeakFloorEnd", ScalingSchedule.builder()
        .schedule(monthlyAtMidnight(p.peakEndDay() + 1))
        .minCapacity(p.minTaskCount())
        .build());
  }

  private static Schedule monthlyAtMidnight(int day) {
    return Schedule.cron(CronOptions.builder().minute("0").hour("0").day(Integer.toString(day)).build());
  }
}
