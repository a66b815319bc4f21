package dev.tally.constructs.eks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.InstanceType;

/**
 * Checks {@link EksPlatformProps} before anything is synthesized, collecting every problem so the user sees them all
 * at once; each message names the prop, the rule and the value given.
 */
final class EksPlatformPropsValidation {

  private static final Pattern ADDON_VERSION = Pattern.compile("^v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+$");
  private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/.+$");
  private static final Pattern KUBERNETES_MINOR = Pattern.compile("^1\\.(\\d+)$");

  private final List<String> problems = new ArrayList<>();

  private EksPlatformPropsValidation() {}

  static void requireValid(EksPlatformProps p) {
    List<String> problems = new EksPlatformPropsValidation().check(p);
    if (!problems.isEmpty()) {
      throw new InvalidEksPlatformPropsException(problems);
    }
  }

  private List<String> check(EksPlatformProps p) {
    if (p.vpc() == null && p.natGateways() != null && (p.natGateways() < 1 || p.natGateways() > 2)) {
      problems.add("natGateways must be 1 or 2, the created VPC's zones (was " + p.natGateways() + ")");
    }
    if (p.kubernetesVersion() == null) {
      problems.add("kubernetesVersion must not be null (e.g. KubernetesVersion.V1_35)");
    } else if (!KUBERNETES_MINOR.matcher(p.kubernetesVersion().getVersion()).matches()) {
      problems.add("kubernetesVersion must be a minor version such as 1.35 (was " + p.kubernetesVersion().getVersion()
          + ")");
    } else if (p.kubeProxyVersion() != null
        && !p.kubeProxyVersion().startsWith("v" + p.kubernetesVersion().getVersion() + ".")) {
      problems.add("kubeProxyVersion must match kubernetesVersion " + p.kubernetesVersion().getVersion()
          + " (kube-proxy is released per Kubernetes version) (was " + p.kubeProxyVersion() + ")");
    }
    addonVersion("vpcCniVersion", p.vpcCniVersion());
    addonVersion("coreDnsVersion", p.coreDnsVersion());
    addonVersion("kubeProxyVersion", p.kubeProxyVersion());
    addonVersion("podIdentityAgentVersion", p.podIdentityAgentVersion());
    if (p.clusterAdminRoleArns() == null) {
      problems.add("clusterAdminRoleArns must not be null (use an empty list)");
    } else {
      for (String arn : p.clusterAdminRoleArns()) {
        if (arn == null || (!Token.isUnresolved(arn) && !ROLE_ARN.matcher(arn).matches())) {
          problems.add("clusterAdminRoleArns must hold IAM role ARNs (arn:aws:iam::<account>:role/<name>) (was "
              + arn + ")");
        }
      }
    }
    instanceTypes("onDemandInstanceTypes", p.onDemandInstanceTypes(), 1);
    instanceTypes("spotInstanceTypes", p.spotInstanceTypes(), 2);
    sizes("onDemand", p.onDemandMinSize(), p.onDemandMaxSize(), 1);
    sizes("spot", p.spotMinSize(), p.spotMaxSize(), 0);
    if (p.logRetention() == null) {
      problems.add("logRetention must not be null");
    }
    return problems;
  }

  private void addonVersion(String prop, String version) {
    if (version == null || !ADDON_VERSION.matcher(version).matches()) {
      problems.add(prop + " must be an exact EKS add-on version such as v1.35.3-eksbuild.13 (was " + version + ")");
    }
  }

  /** Graviton only: every type must be an arm64 instance family (a 'g' in its family, e.g. m7g, c6gn, r7gd). */
  private void instanceTypes(String prop, List<InstanceType> types, int minimum) {
    if (types == null || types.size() < minimum) {
      problems.add(prop + " must list at least " + minimum + " instance type" + (minimum == 1 ? "" : "s")
          + " (was " + types + ")");
      return;
    }
    for (InstanceType type : types) {
      String family = type.toString().split("\\.")[0];
      if (!family.matches("^[a-z]+\\d+g[a-z]*$")) {
        problems.add(prop + " must be Graviton (arm64) types, the nodes run the AL2023 arm64 AMI (was "
            + type + ")");
      }
    }
  }

  private void sizes(String group, int min, int max, int lowest) {
    if (min < lowest || min > 450) {
      problems.add(group + "MinSize must be between " + lowest + " and 450 (was " + min + ")");
    } else if (max < Math.max(min, 1) || max > 450) {
      problems.add(group + "MaxSize must be between " + Math.max(min, 1) + " (" + group + "MinSize, at least 1) and"
          + " 450 (was " + max + ")");
    }
  }
}
