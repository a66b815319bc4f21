package dev.tally.constructs.eks;

import dev.tally.constructs.defaults.EksDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import java.util.List;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Immutable configuration of an {@link EksPlatform}. Build it with {@link #builder()}: every prop has a default, and
 * {@link Builder#build()} rejects invalid values, naming every bad prop in one {@link InvalidEksPlatformPropsException}.
 */
public final class EksPlatformProps {

  private final boolean production;
  private final IVpc vpc;
  private final Integer natGateways;
  private final KubernetesVersion kubernetesVersion;
  private final String vpcCniVersion;
  private final String coreDnsVersion;
  private final String kubeProxyVersion;
  private final String podIdentityAgentVersion;
  private final EndpointAccess endpointAccess;
  private final IKey secretsEncryptionKey;
  private final List<String> clusterAdminRoleArns;
  private final List<InstanceType> onDemandInstanceTypes;
  private final int onDemandMinSize;
  private final int onDemandMaxSize;
  private final List<InstanceType> spotInstanceTypes;
  private final int spotMinSize;
  private final int spotMaxSize;
  private final RetentionDays logRetention;

  private EksPlatformProps(Builder b) {
    production = b.production;
    vpc = b.vpc;
    natGateways = b.natGateways;
    kubernetesVersion = b.kubernetesVersion;
    vpcCniVersion = b.vpcCniVersion;
    coreDnsVersion = b.coreDnsVersion;
    kubeProxyVersion = b.kubeProxyVersion;
    podIdentityAgentVersion = b.podIdentityAgentVersion;
    endpointAccess = b.endpointAccess;
    secretsEncryptionKey = b.secretsEncryptionKey;
    clusterAdminRoleArns = b.clusterAdminRoleArns;
    onDemandInstanceTypes = b.onDemandInstanceTypes;
    onDemandMinSize = b.onDemandMinSize;
    onDemandMaxSize = b.onDemandMaxSize;
    spotInstanceTypes = b.spotInstanceTypes;
    spotMinSize = b.spotMinSize;
    spotMaxSize = b.spotMaxSize;
    logRetention = b.logRetention;
  }

  /** Starts from the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API endpoint: {@link #endpointAccess()} when set, else private in production, public and private elsewhere. */
  public EndpointAccess effectiveEndpointAccess() {
    if (endpointAccess != null) {
      return endpointAccess;
    }
    return production ? EndpointAccess.PRIVATE : EndpointAccess.PUBLIC_AND_PRIVATE;
  }

  /** NAT gateways of the created VPC: {@link #natGateways()} when set, else 1 outside production, 2 in it. */
  public int effectiveNatGateways() {
    return natGateways != null ? natGateways : production ? 2 : 1;
  }

  /**
   * Production: one NAT gateway per AZ in the created VPC, a private-only API endpoint unless {@code endpointAccess}
   * says otherwise, and the cluster's KMS key retained on stack deletion. Default {@code false}.
   */
  public boolean production() { return production; }

  /**
   * A VPC to deploy into; nodes go to its private subnets with egress. Default {@code null}: a two-AZ three-tier VPC
   * with flow logs is created.
   */
  public IVpc vpc() { return vpc; }

  /**
   * NAT gateways of the created VPC (1-2). Default {@code null}: one outside production, one per AZ in production.
   * Ignored with {@code vpc}.
   */
  public Integer natGateways() { return natGateways; }

  /**
   * Kubernetes version of the control plane, pinned: an upgrade is a reviewed change with the add-on versions below,
   * never a side effect. Default 1.35.
   */
  public KubernetesVersion kubernetesVersion() { return kubernetesVersion; }

  /**
   * Version of the managed {@code vpc-cni} add-on, pinned; it must support {@code kubernetesVersion} ({@code aws eks
   * describe-addon-versions --addon-name vpc-cni --kubernetes-version 1.35}).
   */
  public String vpcCniVersion() { return vpcCniVersion; }

  /**
   * Version of the managed {@code coredns} add-on, pinned; it must match {@code kubernetesVersion}.
   */
  public String coreDnsVersion() { return coreDnsVersion; }

  /**
   * Version of the managed {@code kube-proxy} add-on, pinned; it must match {@code kubernetesVersion}.
   */
  public String kubeProxyVersion() { return kubeProxyVersion; }

  /**
   * Version of the managed {@code eks-pod-identity-agent} add-on, pinned; it lets pods assume IAM roles through EKS
   * Pod Identity ({@link EksPlatform#addWorkloadRole}).
   */
  public String podIdentityAgentVersion() { return podIdentityAgentVersion; }

  /**
   * Who reaches the Kubernetes API. Default {@code null}: private only in production (operators come through the
   * VPC), public and private elsewhere. Narrow a public endpoint with {@code
   * EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(cidr)}.
   */
  public EndpointAccess endpointAccess() { return endpointAccess; }

  /**
   * KMS key for envelope encryption of Kubernetes secrets. Default {@code null}: the platform creates one with
   * yearly rotation.
   */
  public IKey secretsEncryptionKey() { return secretsEncryptionKey; }

  /**
   * IAM role ARNs given cluster-admin through EKS access entries (AmazonEKSClusterAdminPolicy, cluster scope); no
   * {@code aws-auth} ConfigMap is written. Default empty: then, and only then, the identity that creates the cluster
   * is its admin, as EKS does by default.
   */
  public List<String> clusterAdminRoleArns() { return clusterAdminRoleArns; }

  /**
   * Instance types of the on-demand group for stateful work, all arm64 (Graviton). Default {@code m7g.large}.
   */
  public List<InstanceType> onDemandInstanceTypes() { return onDemandInstanceTypes; }

  /**
   * Fewest nodes of the on-demand group (1 or more). Default 2: one per AZ, so the system add-ons and stateful pods
   * survive a zone.
   */
  public int onDemandMinSize() { return onDemandMinSize; }

  /**
   * Most nodes of the on-demand group (at least {@code onDemandMinSize}). Default 6.
   */
  public int onDemandMaxSize() { return onDemandMaxSize; }

  /**
   * Instance types of the spot group for stateless work: several arm64 types of one size (2 vCPU, 8 GiB) so EC2 can
   * draw on several spot pools and an interruption in one does not empty the group (at least 2). Default m7g, m6g,
   * m7gd and m6gd {@code large}.
   */
  public List<InstanceType> spotInstanceTypes() { return spotInstanceTypes; }

  /**
   * Fewest nodes of the spot group (0 or more). Default 0: the group scales to zero when nothing stateless runs.
   */
  public int spotMinSize() { return spotMinSize; }

  /**
   * Most nodes of the spot group (at least {@code spotMinSize}, at least 1). Default 10.
   */
  public int spotMaxSize() { return spotMaxSize; }

  /**
   * Retention of the control-plane log group {@code /aws/eks/<cluster>/cluster}. Default one month.
   */
  public RetentionDays logRetention() { return logRetention; }

  /** Builds {@link EksPlatformProps}, starting from the documented defaults. */
  public static final class Builder {
    private boolean production;
    private IVpc vpc;
    private Integer natGateways;
    private KubernetesVersion kubernetesVersion = EksDefaults.KUBERNETES_VERSION;
    private String vpcCniVersion = EksDefaults.VPC_CNI_VERSION;
    private String coreDnsVersion = EksDefaults.COREDNS_VERSION;
    private String kubeProxyVersion = EksDefaults.KUBE_PROXY_VERSION;
    private String podIdentityAgentVersion = EksDefaults.POD_IDENTITY_AGENT_VERSION;
    private EndpointAccess endpointAccess;
    private IKey secretsEncryptionKey;
    private List<String> clusterAdminRoleArns = List.of();
    private List<InstanceType> onDemandInstanceTypes = EksDefaults.ON_DEMAND_INSTANCE_TYPES;
    private int onDemandMinSize = 2;
    private int onDemandMaxSize = 6;
    private List<InstanceType> spotInstanceTypes = EksDefaults.SPOT_INSTANCE_TYPES;
    private int spotMinSize = 0;
    private int spotMaxSize = 10;
    private RetentionDays logRetention = LogGroupDefaults.DEFAULT_RETENTION;

    private Builder() {}

    /** @see EksPlatformProps#production() */
    public Builder production(boolean v) { production = v; return this; }
    /** @see EksPlatformProps#vpc() */
    public Builder vpc(IVpc v) { vpc = v; return this; }
    /** @see EksPlatformProps#natGateways() */
    public Builder natGateways(Integer v) { natGateways = v; return this; }
    /** @see EksPlatformProps#kubernetesVersion() */
    public Builder kubernetesVersion(KubernetesVersion v) { kubernetesVersion = v; return this; }
    /** @see EksPlatformProps#vpcCniVersion() */
    public Builder vpcCniVersion(String v) { vpcCniVersion = v; return this; }
    /** @see EksPlatformProps#coreDnsVersion() */
    public Builder coreDnsVersion(String v) { coreDnsVersion = v; return this; }
    /** @see EksPlatformProps#kubeProxyVersion() */
    public Builder kubeProxyVersion(String v) { kubeProxyVersion = v; return this; }
    /** @see EksPlatformProps#podIdentityAgentVersion() */
    public Builder podIdentityAgentVersion(String v) { podIdentityAgentVersion = v; return this; }
    /** @see EksPlatformProps#endpointAccess() */
    public Builder endpointAccess(EndpointAccess v) { endpointAccess = v; return this; }
    /** @see EksPlatformProps#secretsEncryptionKey() */
    public Builder secretsEncryptionKey(IKey v) { secretsEncryptionKey = v; return this; }
    /** @see EksPlatformProps#clusterAdminRoleArns() */
    public Builder clusterAdminRoleArns(List<String> v) { clusterAdminRoleArns = v == null ? null : List.copyOf(v); return this; }
    /** @see EksPlatformProps#onDemandInstanceTypes() */
    public Builder onDemandInstanceTypes(List<InstanceType> v) { onDemandInstanceTypes = v == null ? null : List.copyOf(v); return this; }
    /** @see EksPlatformProps#onDemandMinSize() */
    public Builder onDemandMinSize(int v) { onDemandMinSize = v; return this; }
    /** @see EksPlatformProps#onDemandMaxSize() */
    public Builder onDemandMaxSize(int v) { onDemandMaxSize = v; return this; }
    /** @see EksPlatformProps#spotInstanceTypes() */
    public Builder spotInstanceTypes(List<InstanceType> v) { spotInstanceTypes = v == null ? null : List.copyOf(v); return this; }
    /** @see EksPlatformProps#spotMinSize() */
    public Builder spotMinSize(int v) { spotMinSize = v; return this; }
    /** @see EksPlatformProps#spotMaxSize() */
    public Builder spotMaxSize(int v) { spotMaxSize = v; return this; }
    /** @see EksPlatformProps#logRetention() */
    public Builder logRetention(RetentionDays v) { logRetention = v; return this; }

    /**
     * Validates and builds the props.
     *
     * @throws InvalidEksPlatformPropsException naming every invalid prop, if any
     */
    public EksPlatformProps build() {
      EksPlatformProps props = new EksPlatformProps(this);
      EksPlatformPropsValidation.requireValid(props);
      return props;
    }
  }
}
