package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.lambda.CfnAlias;
import software.amazon.awscdk.services.lambda.CfnVersion;

/**
 * Provisioned concurrency set on an alias or version with no scheduled scaling keeps the warm pool (and its bill)
 * around the clock. A scalable target with scheduled actions on the same function is compliant.
 */
public final class ProvisionedConcurrencySchedule implements FinOpsRule {

  /** Memory assumed for the cost figure when the function's is not known here. */
  private static final int ASSUMED_MB = 1024;

  @Override public String id() { return "ProvisionedConcurrencySchedule"; }

  @Override public String info() { return "Provisioned concurrency is configured without a schedule."; }

  @Override public String explanation() {
    return "Schedule provisioned concurrency to the hours that need it (application auto scaling scheduled actions"
        + " on the alias), or drop it: a warm pool kept 24x7 costs whether or not it serves requests.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    Object config;
    Object function;
    if (resource instanceof CfnAlias alias) {
      config = alias.getProvisionedConcurrencyConfig();
      function = alias.getFunctionName();
    } else if (resource instanceof CfnVersion version) {
      config = version.getProvisionedConcurrencyConfig();
      function = version.getFunctionName();
    } else {
      return Verdict.NOT_APPLICABLE;
    }
    Stack stack = Stack.of(resource);
    Object resolved = stack.resolve(config);
    if (!(resolved instanceof Map<?, ?> map) || !(map.get("provisionedConcurrentExecutions") instanceof Number units)) {
      return Verdict.NOT_APPLICABLE;
    }
    // The scalable target names the function (function:<name>:<alias>), so match on the function reference.
    String functionRef = String.valueOf(stack.resolve(function));
    boolean scheduled = stack.getNode().findAll().stream()
        .filter(CfnScalableTarget.class::isInstance).map(CfnScalableTarget.class::cast)
        .filter(target -> "lambda:function:ProvisionedConcurrency".equals(stack.resolve(target.getScalableDimension())))
        .filter(target -> String.valueOf(stack.resolve(target.getResourceId())).contains(functionRef))
        .anyMatch(target -> stack.resolve(target.getScheduledActions()) instanceof List<?> actions && !actions.isEmpty());
    if (scheduled) {
      return Verdict.COMPLIANT;
    }
    double monthly = units.intValue() * ASSUMED_MB / 1024.0 * Prices.HOURS_PER_MONTH * 3600
        * Prices.LAMBDA_ARM_PROVISIONED_GB_SECOND;
    return Verdict.nonCompliant(Prices.usd(monthly) + "/month for " + units + " warm instance(s) 24x7 at "
        + ASSUMED_MB + " MB on arm64, before any request");
  }
}
