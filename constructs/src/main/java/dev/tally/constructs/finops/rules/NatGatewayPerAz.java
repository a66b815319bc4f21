package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.services.ec2.CfnNatGateway;

/**
 * Outside production one NAT gateway serves every AZ well enough; one per AZ multiplies a fixed hourly charge. The
 * stack's second and further NAT gateways are non-compliant unless the resource is tagged as production
 * ({@code production-tag}, default {@code tally:environment}, with one of {@code production-values}, default
 * {@code production}).
 */
public final class NatGatewayPerAz implements FinOpsRule {

  @Override public String id() { return "NatGatewayPerAz"; }

  @Override public String info() { return "More than one NAT gateway in a non-production environment."; }

  @Override public String explanation() {
    return "Outside production set natGateways(1) on the VPC (or use VPC endpoints): the availability a NAT gateway"
        + " per AZ buys is rarely worth its fixed hourly charge in test environments.";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    if (!(resource instanceof CfnNatGateway)) {
      return Verdict.NOT_APPLICABLE;
    }
    String tag = settings.textOption("production-tag", "tally:environment");
    List<String> productionValues = settings.listOption("production-values", List.of("production"));
    String environment = TagManager.of(resource) == null ? null : TagManager.of(resource).tagValues().entrySet()
        .stream().filter(e -> e.getKey().equalsIgnoreCase(tag)).map(java.util.Map.Entry::getValue).findFirst()
        .orElse(null);
    if (environment != null && productionValues.stream().anyMatch(environment::equalsIgnoreCase)) {
      return Verdict.COMPLIANT;
    }
    List<CfnNatGateway> gateways = Stack.of(resource).getNode().findAll().stream()
        .filter(CfnNatGateway.class::isInstance).map(CfnNatGateway.class::cast).toList();
    if (gateways.indexOf(resource) < 1) {
      return Verdict.COMPLIANT; // the first one is needed
    }
    return Verdict.nonCompliant(Prices.usd(Prices.NAT_GATEWAY_HOUR * Prices.HOURS_PER_MONTH)
        + "/month for this extra NAT gateway's hours alone, before data processing");
  }
}
