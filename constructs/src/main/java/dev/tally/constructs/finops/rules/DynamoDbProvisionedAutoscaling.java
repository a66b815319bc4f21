package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.dynamodb.CfnTable;

/**
 * A provisioned-capacity table without auto scaling pays for its peak capacity every hour of the month. On-demand
 * (PAY_PER_REQUEST) or a scalable target on the table is compliant.
 */
public final class DynamoDbProvisionedAutoscaling implements FinOpsRule {

  @Override public String id() { return "DynamoDbProvisionedAutoscaling"; }

  @Override public String info() { return "The DynamoDB table has provisioned capacity without auto scaling."; }

  @Override public String explanation() {
    return "Use on-demand billing for spiky traffic, or add auto scaling (autoScaleReadCapacity /"
        + " autoScaleWriteCapacity) so capacity follows the load instead of the peak.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (!(resource instanceof CfnTable table)) {
      return Verdict.NOT_APPLICABLE;
    }
    Stack stack = Stack.of(resource);
    if ("PAY_PER_REQUEST".equals(stack.resolve(table.getBillingMode()))) {
      return Verdict.COMPLIANT;
    }
    String logicalId = stack.resolve(table.getLogicalId()).toString();
    boolean scaled = stack.getNode().findAll().stream()
        .filter(CfnScalableTarget.class::isInstance).map(CfnScalableTarget.class::cast)
        .anyMatch(target -> String.valueOf(stack.resolve(target.getScalableDimension())).startsWith("dynamodb:table:")
            && String.valueOf(stack.resolve(target.getResourceId())).contains(logicalId));
    if (scaled) {
      return Verdict.COMPLIANT;
    }
    Object throughput = stack.resolve(table.getProvisionedThroughput());
    double monthly = 0;
    if (throughput instanceof Map<?, ?> map) {
      monthly = (number(map.get("readCapacityUnits")) * Prices.DYNAMODB_RCU_HOUR
          + number(map.get("writeCapacityUnits")) * Prices.DYNAMODB_WCU_HOUR) * Prices.HOURS_PER_MONTH;
    }
    return Verdict.nonCompliant(Prices.usd(monthly) + "/month for the provisioned capacity around the clock, whatever"
        + " the load");
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }
}
