package dev.tally.constructs.finops;

import dev.tally.constructs.compliance.tags.RequiredTag;
import dev.tally.constructs.finops.rules.CostAllocationTags;
import dev.tally.constructs.finops.rules.DynamoDbProvisionedAutoscaling;
import dev.tally.constructs.finops.rules.GravitonInstanceFamily;
import dev.tally.constructs.finops.rules.Gp3Volume;
import dev.tally.constructs.finops.rules.LambdaArm64;
import dev.tally.constructs.finops.rules.LogGroupRetention;
import dev.tally.constructs.finops.rules.NatGatewayPerAz;
import dev.tally.constructs.finops.rules.ProvisionedConcurrencySchedule;
import dev.tally.constructs.finops.rules.S3LifecycleRule;
import java.util.List;

/** The FinOps pack's rules: the list is the pack (as in cdk-nag's {@code src/packs}). */
public final class FinOpsRules {

  private FinOpsRules() {}

  /** Every rule; the cost-allocation rule checks {@code requiredTags}. */
  public static List<FinOpsRule> all(List<RequiredTag> requiredTags) {
    return List.of(new LambdaArm64(), new LogGroupRetention(), new S3LifecycleRule(),
        new DynamoDbProvisionedAutoscaling(), new ProvisionedConcurrencySchedule(), new NatGatewayPerAz(),
        new GravitonInstanceFamily(), new CostAllocationTags(requiredTags), new Gp3Volume());
  }

  /** Every rule, with no required tag (the cost-allocation rule then finds nothing). */
  public static List<FinOpsRule> all() {
    return all(List.of());
  }
}
