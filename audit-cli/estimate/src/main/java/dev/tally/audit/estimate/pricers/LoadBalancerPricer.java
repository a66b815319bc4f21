package dev.tally.audit.estimate.pricers;

import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::ElasticLoadBalancingV2::LoadBalancer}: the load balancer-hours of a month and its capacity units (LCU,
 * NLCU or GLCU by type) at the profile's average, from the scan's load balancer prices.
 */
public final class LoadBalancerPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ElasticLoadBalancingV2::LoadBalancer";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("averageCapacityUnits", "LCU", 0,
                "average capacity units over the month (the largest of new connections, active connections, "
                        + "processed GB and rule evaluations)"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        String type = context.resource().text("Type", "application");
        return List.of(
                CostLine.of(type + " load balancer", Money.HOURS_PER_MONTH, "hour",
                        context.rates().rate(PriceKind.LOAD_BALANCER_HOUR, type)),
                CostLine.of("capacity units", context.usage().number("averageCapacityUnits") * Money.HOURS_PER_MONTH,
                        "LCU-hour", context.rates().rate(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, type)));
    }
}
