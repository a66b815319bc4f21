package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.CfnBucket;

/** A bucket without a lifecycle rule keeps every object, old version and failed upload in S3 Standard forever. */
public final class S3LifecycleRule implements FinOpsRule {

  @Override public String id() { return "S3LifecycleRule"; }

  @Override public String info() { return "The S3 bucket has no lifecycle rule."; }

  @Override public String explanation() {
    return "Add a lifecycle rule: transition cold objects to an archive tier, expire noncurrent versions and abort"
        + " incomplete multipart uploads, or expire objects when they are no longer needed.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (!(resource instanceof CfnBucket bucket)) {
      return Verdict.NOT_APPLICABLE;
    }
    Object lifecycle = Stack.of(resource).resolve(bucket.getLifecycleConfiguration());
    if (lifecycle instanceof Map<?, ?> map && map.get("rules") instanceof List<?> rules && !rules.isEmpty()) {
      return Verdict.COMPLIANT;
    }
    return Verdict.nonCompliant(Prices.usd((Prices.S3_STANDARD_GB_MONTH - Prices.S3_GLACIER_IR_GB_MONTH) * 100)
        + "/month per 100 GB left in S3 Standard that Glacier Instant Retrieval would hold");
  }
}
