package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnFunction;

/** A Lambda function not on arm64 (Graviton) pays ~20% more per GB-second for the same work. */
public final class LambdaArm64 implements FinOpsRule {

  @Override public String id() { return "LambdaArm64"; }

  @Override public String info() { return "The Lambda function does not run on arm64 (Graviton)."; }

  @Override public String explanation() {
    return "arm64 costs 20% less per GB-second than x86_64 and most runtimes need no change; set architecture"
        + " ARM_64 unless a native dependency ships for x86 only.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (!(resource instanceof CfnFunction function)) {
      return Verdict.NOT_APPLICABLE;
    }
    Object architectures = Stack.of(resource).resolve(function.getArchitectures());
    if (architectures instanceof List<?> list && list.contains("arm64")) {
      return Verdict.COMPLIANT;
    }
    Object memory = Stack.of(resource).resolve(function.getMemorySize());
    int mb = memory instanceof Number n ? n.intValue() : 128;
    double extra = mb / 1024.0 * 1_000_000 * (Prices.LAMBDA_X86_GB_SECOND - Prices.LAMBDA_ARM_GB_SECOND);
    return Verdict.nonCompliant(Prices.usd(extra) + "/month more per million 1-second invocations at " + mb + " MB");
  }
}
