package dev.tally.constructs.defaults;

import java.util.List;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.eks_v2.ClusterLoggingTypes;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.eks_v2.NodegroupAmiType;

/**
 * Default versions and sizes for EKS clusters. Versions are pinned together: Kubernetes 1.35 with the add-on
 * versions EKS lists for it. Check them with {@code aws eks describe-addon-versions --kubernetes-version 1.35} before
 * an upgrade, and change all of them in one reviewed commit.
 */
public final class EksDefaults {

  /** In standard support into 2027. */
  public static final KubernetesVersion KUBERNETES_VERSION = KubernetesVersion.V1_35;
  public static final String VPC_CNI_VERSION = "v1.21.1-eksbuild.1";
  public static final String COREDNS_VERSION = "v1.14.3-eksbuild.3";
  public static final String KUBE_PROXY_VERSION = "v1.35.3-eksbuild.13";
  public static final String POD_IDENTITY_AGENT_VERSION = "v1.3.10-eksbuild.1";

  /** Amazon Linux 2023 for arm64 (Graviton): AL2 AMIs are no longer published for new Kubernetes versions. */
  public static final NodegroupAmiType AMI_TYPE = NodegroupAmiType.AL2023_ARM_64_STANDARD;

  /** Graviton 3, 2 vCPU / 8 GiB: about a fifth cheaper per vCPU than the x86 m7i.large. */
  public static final List<InstanceType> ON_DEMAND_INSTANCE_TYPES =
      List.of(InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE));

  /** Four arm64 spot pools of one shape, so the scheduler sees identical nodes whichever pool EC2 fills. */
  public static final List<InstanceType> SPOT_INSTANCE_TYPES = List.of(
      InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE), InstanceType.of(InstanceClass.M6G, InstanceSize.LARGE),
      InstanceType.of(InstanceClass.M7GD, InstanceSize.LARGE), InstanceType.of(InstanceClass.M6GD, InstanceSize.LARGE));

  /** Every control-plane log type: API, audit, authenticator, controller manager, scheduler. */
  public static final List<ClusterLoggingTypes> CONTROL_PLANE_LOGS = List.of(ClusterLoggingTypes.values());

  private EksDefaults() {}
}
