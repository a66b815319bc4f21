package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.ecs.CfnTaskDefinition;
import software.amazon.awscdk.services.eks.CfnNodegroup;
import software.amazon.awscdk.services.rds.CfnDBInstance;

/**
 * EC2 (instances, launch templates), EKS node groups, RDS instances and ECS Fargate tasks on an x86 instance family
 * that has a Graviton equivalent, which costs about 20% less at the same size.
 */
public final class GravitonInstanceFamily implements FinOpsRule {

  /** x86 family to its Graviton equivalent, for EC2 and (with the {@code db.} prefix) RDS. */
  static final Map<String, String> GRAVITON = Map.ofEntries(
      Map.entry("t2", "t4g"), Map.entry("t3", "t4g"), Map.entry("t3a", "t4g"),
      Map.entry("m4", "m7g"), Map.entry("m5", "m7g"), Map.entry("m5a", "m7g"), Map.entry("m6i", "m7g"),
      Map.entry("m6a", "m7g"), Map.entry("m7i", "m7g"), Map.entry("m7a", "m7g"),
      Map.entry("c4", "c7g"), Map.entry("c5", "c7g"), Map.entry("c5a", "c7g"), Map.entry("c6i", "c7g"),
      Map.entry("c6a", "c7g"), Map.entry("c7i", "c7g"), Map.entry("c7a", "c7g"),
      Map.entry("r4", "r7g"), Map.entry("r5", "r7g"), Map.entry("r5a", "r7g"), Map.entry("r6i", "r7g"),
      Map.entry("r6a", "r7g"), Map.entry("r7i", "r7g"), Map.entry("r7a", "r7g"));

  @Override public String id() { return "GravitonInstanceFamily"; }

  @Override public String info() { return "An instance family with a Graviton (arm64) equivalent is x86."; }

  @Override public String explanation() {
    return "Graviton instances cost about 20% less than their x86 equivalents at the same size; move to the"
        + " family named in the finding once the workload has an arm64 build (containers: a multi-arch image).";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    Stack stack = Stack.of(resource);
    List<String> types = new ArrayList<>();
    if (resource instanceof CfnInstance instance) {
      types.add(String.valueOf(stack.resolve(instance.getInstanceType())));
    } else if (resource instanceof CfnLaunchTemplate template
        && stack.resolve(template.getLaunchTemplateData()) instanceof Map<?, ?> data) {
      types.add(String.valueOf(data.get("instanceType")));
    } else if (resource instanceof CfnNodegroup nodegroup) {
      Object resolved = stack.resolve(nodegroup.getInstanceTypes());
      if (resolved instanceof List<?> list) {
        list.forEach(t -> types.add(String.valueOf(t)));
      } else {
        types.add("t3.medium"); // EKS's default for a managed node group
      }
    } else if (resource instanceof CfnDBInstance db) {
      types.add(String.valueOf(stack.resolve(db.getDbInstanceClass())));
    } else if (resource instanceof CfnTaskDefinition task) {
      return fargate(stack, task);
    } else {
      return Verdict.NOT_APPLICABLE;
    }
    List<String> suggestions = types.stream().map(GravitonInstanceFamily::graviton)
        .flatMap(Optional::stream).toList();
    if (suggestions.isEmpty()) {
      return types.stream().allMatch(t -> t.equals("null")) ? Verdict.NOT_APPLICABLE : Verdict.COMPLIANT;
    }
    return Verdict.nonCompliant("~" + Math.round(Prices.GRAVITON_SAVING * 100) + "% of the instance price ("
        + String.join(", ", suggestions) + "; e.g. m5.large ~USD 70/month on demand, m7g.large ~USD 60)");
  }

  private static Verdict fargate(Stack stack, CfnTaskDefinition task) {
    Object compat = stack.resolve(task.getRequiresCompatibilities());
    if (!(compat instanceof List<?> list) || !list.contains("FARGATE")) {
      return Verdict.NOT_APPLICABLE;
    }
    Object platform = stack.resolve(task.getRuntimePlatform());
    if (platform instanceof Map<?, ?> map && "ARM64".equals(map.get("cpuArchitecture"))) {
      return Verdict.COMPLIANT;
    }
    return Verdict.nonCompliant("~20% of the task's vCPU and memory charges (Fargate arm64 costs 20% less:"
        + " runtimePlatform cpuArchitecture ARM64)");
  }

  /** {@code m5.large -> m5.large to m7g.large}, {@code db.r5.xlarge -> db.r7g.xlarge}; empty when none applies. */
  static Optional<String> graviton(String type) {
    boolean rds = type.startsWith("db.");
    String bare = rds ? type.substring(3) : type;
    int dot = bare.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String target = GRAVITON.get(bare.substring(0, dot));
    return target == null ? Optional.empty()
        : Optional.of(type + " to " + (rds ? "db." : "") + target + bare.substring(dot));
  }
}
