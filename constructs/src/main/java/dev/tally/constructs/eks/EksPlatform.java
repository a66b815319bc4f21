package dev.tally.constructs.eks;

import dev.tally.constructs.defaults.EksDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import dev.tally.constructs.defaults.VpcDefaults;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks_v2.AccessEntry;
import software.amazon.awscdk.services.eks_v2.AccessPolicy;
import software.amazon.awscdk.services.eks_v2.AccessPolicyNameOptions;
import software.amazon.awscdk.services.eks_v2.AccessScopeType;
import software.amazon.awscdk.services.eks_v2.Addon;
import software.amazon.awscdk.services.eks_v2.CapacityType;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.DefaultCapacityType;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.eks_v2.Nodegroup;
import software.amazon.awscdk.services.eks_v2.NodegroupOptions;
import software.amazon.awscdk.services.eks_v2.TaintEffect;
import software.amazon.awscdk.services.eks_v2.TaintSpec;
import software.amazon.awscdk.services.eks.CfnPodIdentityAssociation;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

/**
 * A Kubernetes platform on the native {@code AWS::EKS::Cluster} ({@code aws_eks_v2}: no kubectl Lambda, no
 * {@code aws-auth} ConfigMap): control-plane logs, KMS envelope encryption of secrets, pinned Kubernetes and add-on
 * versions, and two managed node groups on Graviton.
 *
 * <ul>
 *   <li><b>on-demand</b> (label {@code tally.dev/capacity=on-demand}, {@code tally.dev/workload=stateful}; taint
 *       {@code tally.dev/workload=stateful:PreferNoSchedule}): stateful work and the system add-ons. The taint is a
 *       preference only, so CoreDNS and other cluster services, which tolerate no custom taint, still run here.</li>
 *   <li><b>spot</b> (label {@code tally.dev/capacity=spot}, {@code tally.dev/workload=stateless}; taint
 *       {@code tally.dev/capacity=spot:NoSchedule}): only pods that tolerate interruption, by declaring the toleration,
 *       are scheduled here; several arm64 types of one shape spread the group over spot pools.</li>
 * </ul>
 *
 * <p>Workloads get IAM through EKS Pod Identity ({@link #addWorkloadRole}); administrators through access entries.
 */
public final class EksPlatform extends Construct {

  /** Node label naming the capacity type: {@code on-demand} or {@code spot}. */
  public static final String CAPACITY_LABEL = "tally.dev/capacity";
  /** Node label naming the work a group is for: {@code stateful} or {@code stateless}. */
  public static final String WORKLOAD_LABEL = "tally.dev/workload";

  private final EksPlatformProps props;
  private final IVpc vpc;
  private final IKey secretsKey;
  private final LogGroup controlPlaneLogs;
  private final Cluster cluster;
  private final Nodegroup onDemandNodes;
  private final Nodegroup spotNodes;
  private final List<Addon> addons = new ArrayList<>();
  private final List<AccessEntry> adminAccessEntries = new ArrayList<>();

  /**
   * Creates the platform.
   *
   * @param props validated by {@link EksPlatformProps.Builder#build()}; must not be null
   */
  public EksPlatform(Construct scope, String id, EksPlatformProps props) {
    super(scope, id);
    if (props == null) {
      throw new InvalidEksPlatformPropsException(List.of("props are required (EksPlatformProps.builder())"));
    }
    this.props = props;
    vpc = props.vpc() != null ? props.vpc() : createVpc();
    secretsKey = props.secretsEncryptionKey() != null ? props.secretsEncryptionKey()
        : Key.Builder.create(this, "SecretsKey")
            .description("Envelope encryption of the Kubernetes secrets of the EKS platform")
            .enableKeyRotation(true)
            .removalPolicy(props.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
            .build();
    // A fixed name lets the control-plane log group exist, with retention, before EKS first writes to it.
    String clusterName = Names.uniqueResourceName(this, UniqueResourceNameOptions.builder()
        .maxLength(90).separator("-").build());
    controlPlaneLogs = new LogGroup(this, "ControlPlaneLogs",
        LogGroupDefaults.logGroupProps(props.logRetention(), props.production())
            .logGroupName("/aws/eks/" + clusterName + "/cluster").build());
    cluster = new Cluster(this, "Cluster", software.amazon.awscdk.services.eks_v2.ClusterProps.builder()
        .clusterName(clusterName)
        .version(props.kubernetesVersion())
        .vpc(vpc)
        .vpcSubnets(List.of(privateSubnets()))
        .endpointAccess(props.effectiveEndpointAccess())
        .secretsEncryptionKey(secretsKey)
        .clusterLogging(EksDefaults.CONTROL_PLANE_LOGS)
        // No default capacity and no self-managed add-ons: both node groups and all four add-ons are declared here.
        .defaultCapacityType(DefaultCapacityType.NODEGROUP)
        .defaultCapacity(0)
        .bootstrapSelfManagedAddons(false)
        .bootstrapClusterCreatorAdminPermissions(props.clusterAdminRoleArns().isEmpty())
        .build());
    cluster.getNode().addDependency(controlPlaneLogs);

    Addon vpcCni = addon("VpcCni", "vpc-cni", props.vpcCniVersion());
    Addon kubeProxy = addon("KubeProxy", "kube-proxy", props.kubeProxyVersion());
    onDemandNodes = nodegroup("OnDemandNodes", CapacityType.ON_DEMAND, props.onDemandInstanceTypes(),
        props.onDemandMinSize(), props.onDemandMaxSize(), "on-demand", "stateful",
        TaintSpec.builder().key(WORKLOAD_LABEL).value("stateful").effect(TaintEffect.PREFER_NO_SCHEDULE).build());
    spotNodes = nodegroup("SpotNodes", CapacityType.SPOT, props.spotInstanceTypes(),
        props.spotMinSize(), props.spotMaxSize(), "spot", "stateless",
        TaintSpec.builder().key(CAPACITY_LABEL).value("spot").effect(TaintEffect.NO_SCHEDULE).build());
    // Nodes only become Ready with the CNI and kube-proxy in place; CoreDNS and the agent need nodes to run on.
    for (Nodegroup group : List.of(onDemandNodes, spotNodes)) {
      group.getNode().addDependency(vpcCni);
      group.getNode().addDependency(kubeProxy);
    }
    addon("CoreDns", "coredns", props.coreDnsVersion()).getNode().addDependency(onDemandNodes);
    addon("PodIdentityAgent", "eks-pod-identity-agent", props.podIdentityAgentVersion())
        .getNode().addDependency(onDemandNodes);
    grantAdmins();
    applyIntrinsicSuppressions();
  }

  private IVpc createVpc() {
    Vpc created = new Vpc(this, "Vpc", VpcDefaults.threeTierVpcProps()
        .maxAzs(2)
        .natGateways(props.effectiveNatGateways())
        .build());
    Bucket flowLogs = new Bucket(this, "FlowLogs", software.amazon.awscdk.services.s3.BucketProps.builder()
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .removalPolicy(props.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
        .build());
    created.addFlowLog("FlowLog", FlowLogOptions.builder()
        .destination(FlowLogDestination.toS3(flowLogs, "vpc-flow-logs/"))
        .trafficType(FlowLogTrafficType.ALL)
        .build());
    NagSuppressions.addResourceSuppressions(flowLogs, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-S1")
        .reason("This bucket receives VPC flow logs; logging access to a log bucket would log itself without end.")
        .build()), true);
    return created;
  }

  private static SubnetSelection privateSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  private Addon addon(String id, String name, String version) {
    Addon created = Addon.Builder.create(this, id)
        .cluster(cluster)
        .addonName(name)
        .addonVersion(version)
        .preserveOnDelete(false)
        .build();
    addons.add(created);
    return created;
  }

  private Nodegroup nodegroup(String id, CapacityType capacity, List<InstanceType> types, int min, int max,
      String capacityLabel, String workload, TaintSpec taint) {
    return cluster.addNodegroupCapacity(id, NodegroupOptions.builder()
        .amiType(EksDefaults.AMI_TYPE)
        .capacityType(capacity)
        .instanceTypes(types)
        .minSize(min)
        .maxSize(max)
        .desiredSize(Math.max(min, capacity == CapacityType.SPOT ? 0 : 1))
        .subnets(privateSubnets())
        .labels(Map.of(CAPACITY_LABEL, capacityLabel, WORKLOAD_LABEL, workload))
        .taints(List.of(taint))
        .enableNodeAutoRepair(true)
        .maxUnavailablePercentage(capacity == CapacityType.SPOT ? 33 : 25)
        .build());
  }

  private void grantAdmins() {
    for (int i = 0; i < props.clusterAdminRoleArns().size(); i++) {
      adminAccessEntries.add(AccessEntry.Builder.create(this, "Admin" + i)
          .cluster(cluster)
          .principal(props.clusterAdminRoleArns().get(i))
          .accessPolicies(List.of(AccessPolicy.fromAccessPolicyName("AmazonEKSClusterAdminPolicy",
              AccessPolicyNameOptions.builder().accessScopeType(AccessScopeType.CLUSTER).build())))
          .build());
    }
  }

  /**
   * An IAM role that pods of {@code serviceAccount} in {@code namespace} assume through EKS Pod Identity: no OIDC
   * provider, no role ARN annotation; grant it what the workload needs.
   */
  public Role addWorkloadRole(String id, String namespace, String serviceAccount) {
    Role role = Role.Builder.create(this, id + "Role")
        .assumedBy(new ServicePrincipal("pods.eks.amazonaws.com"))
        .description("EKS Pod Identity role of " + namespace + "/" + serviceAccount)
        .build();
    // Pod Identity also tags the session (namespace, service account), so the trust needs sts:TagSession.
    role.getAssumeRolePolicy().addStatements(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal("pods.eks.amazonaws.com")))
        .actions(List.of("sts:TagSession"))
        .build());
    CfnPodIdentityAssociation.Builder.create(this, id + "Association")
        .clusterName(cluster.getClusterName())
        .namespace(namespace)
        .serviceAccount(serviceAccount)
        .roleArn(role.getRoleArn())
        .build();
    return role;
  }

  private void applyIntrinsicSuppressions() {
    EksNagSuppressions.managedPolicies(cluster, onDemandNodes, spotNodes);
    // In production a public endpoint is left for the gate to report: it needs an owned, expiring suppression.
    if (!props.production() && props.effectiveEndpointAccess() != EndpointAccess.PRIVATE) {
      EksNagSuppressions.publicEndpoint(cluster);
    }
  }

  /** The props this platform was built with. */
  public EksPlatformProps getProps() { return props; }

  /** The VPC: created, or the one passed in. */
  public IVpc getVpc() { return vpc; }

  /** The key encrypting Kubernetes secrets. */
  public IKey getSecretsKey() { return secretsKey; }

  /** {@code /aws/eks/<cluster>/cluster}, with retention. */
  public LogGroup getControlPlaneLogs() { return controlPlaneLogs; }

  /** The cluster. */
  public Cluster getCluster() { return cluster; }

  /** The on-demand node group (stateful work and system add-ons). */
  public Nodegroup getOnDemandNodes() { return onDemandNodes; }

  /** The spot node group (stateless work that tolerates {@code tally.dev/capacity=spot:NoSchedule}). */
  public Nodegroup getSpotNodes() { return spotNodes; }

  /** The four managed add-ons: vpc-cni, kube-proxy, coredns, eks-pod-identity-agent. */
  public List<Addon> getAddons() { return List.copyOf(addons); }

  /** One access entry per {@code clusterAdminRoleArns} entry. */
  public List<AccessEntry> getAdminAccessEntries() { return List.copyOf(adminAccessEntries); }

  /**
   * The CDK idiom: {@code EksPlatform.Builder.create(scope, id)...build()}. Each setter is the
   * {@link EksPlatformProps.Builder} setter of the same name.
   */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final EksPlatformProps.Builder props = EksPlatformProps.builder();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a EksPlatform named {@code id} in {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }
    /** @see EksPlatformProps#production() */
    public Builder production(boolean v) { props.production(v); return this; }
    /** @see EksPlatformProps#vpc() */
    public Builder vpc(IVpc v) { props.vpc(v); return this; }
    /** @see EksPlatformProps#natGateways() */
    public Builder natGateways(Integer v) { props.natGateways(v); return this; }
    /** @see EksPlatformProps#kubernetesVersion() */
    public Builder kubernetesVersion(KubernetesVersion v) { props.kubernetesVersion(v); return this; }
    /** @see EksPlatformProps#vpcCniVersion() */
    public Builder vpcCniVersion(String v) { props.vpcCniVersion(v); return this; }
    /** @see EksPlatformProps#coreDnsVersion() */
    public Builder coreDnsVersion(String v) { props.coreDnsVersion(v); return this; }
    /** @see EksPlatformProps#kubeProxyVersion() */
    public Builder kubeProxyVersion(String v) { props.kubeProxyVersion(v); return this; }
    /** @see EksPlatformProps#podIdentityAgentVersion() */
    public Builder podIdentityAgentVersion(String v) { props.podIdentityAgentVersion(v); return this; }
    /** @see EksPlatformProps#endpointAccess() */
    public Builder endpointAccess(EndpointAccess v) { props.endpointAccess(v); return this; }
    /** @see EksPlatformProps#secretsEncryptionKey() */
    public Builder secretsEncryptionKey(IKey v) { props.secretsEncryptionKey(v); return this; }
    /** @see EksPlatformProps#clusterAdminRoleArns() */
    public Builder clusterAdminRoleArns(List<String> v) { props.clusterAdminRoleArns(v); return this; }
    /** @see EksPlatformProps#onDemandInstanceTypes() */
    public Builder onDemandInstanceTypes(List<InstanceType> v) { props.onDemandInstanceTypes(v); return this; }
    /** @see EksPlatformProps#onDemandMinSize() */
    public Builder onDemandMinSize(int v) { props.onDemandMinSize(v); return this; }
    /** @see EksPlatformProps#onDemandMaxSize() */
    public Builder onDemandMaxSize(int v) { props.onDemandMaxSize(v); return this; }
    /** @see EksPlatformProps#spotInstanceTypes() */
    public Builder spotInstanceTypes(List<InstanceType> v) { props.spotInstanceTypes(v); return this; }
    /** @see EksPlatformProps#spotMinSize() */
    public Builder spotMinSize(int v) { props.spotMinSize(v); return this; }
    /** @see EksPlatformProps#spotMaxSize() */
    public Builder spotMaxSize(int v) { props.spotMaxSize(v); return this; }
    /** @see EksPlatformProps#logRetention() */
    public Builder logRetention(RetentionDays v) { props.logRetention(v); return this; }

    /**
     * Validates the props and creates the EksPlatform.
     *
     * @throws InvalidEksPlatformPropsException naming every invalid prop, if any
     */
    public EksPlatform build() {
      return new EksPlatform(scope, id, props.build());
    }
  }
}
