package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.ecs.ClusterProps;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateServiceProps;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.RuntimePlatform;

/** Default props for ECS clusters and Fargate services. */
public final class EcsDefaults {

  /** Graviton: Fargate's ARM64 vCPU-hour and GB-hour are about 20% cheaper than x86's. */
  public static final CpuArchitecture DEFAULT_CPU_ARCHITECTURE = CpuArchitecture.ARM64;

  private EcsDefaults() {}

  /** A cluster with Container Insights and the FARGATE and FARGATE_SPOT capacity providers associated. */
  public static ClusterProps.Builder clusterProps() {
    return ClusterProps.builder()
        .containerInsightsV2(ContainerInsights.ENABLED)
        .enableFargateCapacityProviders(true);
  }

  /** A Linux runtime platform on {@code architecture}. */
  public static RuntimePlatform runtimePlatform(CpuArchitecture architecture) {
    return RuntimePlatform.builder()
        .cpuArchitecture(architecture)
        .operatingSystemFamily(OperatingSystemFamily.LINUX)
        .build();
  }

  /**
   * A service on the latest platform version (1.4.0: the one FARGATE_SPOT needs for ARM64 tasks), rolled back by
   * the deployment circuit breaker when new tasks fail to start, without ECS Exec, tags propagated from the service
   * to its tasks (so task cost is allocated like the service's), in private subnets without public IPs.
   */
  public static FargateServiceProps.Builder serviceProps() {
    return FargateServiceProps.builder()
        .platformVersion(FargatePlatformVersion.LATEST)
        .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .enableExecuteCommand(false)
        .assignPublicIp(false)
        .enableEcsManagedTags(true)
        .propagateTags(PropagatedTagSource.SERVICE);
  }
}
