package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.CfnLogGroup;

/**
 * A log group that keeps logs forever, or longer than the ceiling ({@code max-retention-days}, default 400), pays
 * storage for every byte ever logged, growing month after month.
 */
public final class LogGroupRetention implements FinOpsRule {

  /** Default ceiling: a year plus a month of slack. */
  public static final int DEFAULT_MAX_RETENTION_DAYS = 400;

  @Override public String id() { return "LogGroupRetention"; }

  @Override public String info() { return "The log group keeps logs forever or beyond the retention ceiling."; }

  @Override public String explanation() {
    return "Set a retention: logs nobody reads after the ceiling still cost storage every month; keep evidence in"
        + " an archive tier (an Object Lock bucket) rather than in CloudWatch Logs.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (!(resource instanceof CfnLogGroup logGroup)) {
      return Verdict.NOT_APPLICABLE;
    }
    int ceiling = settings.intOption("max-retention-days", DEFAULT_MAX_RETENTION_DAYS);
    Object retention = Stack.of(resource).resolve(logGroup.getRetentionInDays());
    if (retention instanceof Number days && days.intValue() <= ceiling) {
      return Verdict.COMPLIANT;
    }
    String kept = retention instanceof Number days ? days + " days (ceiling " + ceiling + ")" : "forever";
    return Verdict.nonCompliant("kept " + kept + ", each GB logged a month adds "
        + Prices.usd(Prices.LOGS_STORAGE_GB_MONTH) + "/month of storage for every further month it is kept");
  }
}
