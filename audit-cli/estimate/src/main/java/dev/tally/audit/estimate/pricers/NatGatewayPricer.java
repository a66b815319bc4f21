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

/** {@code AWS::EC2::NatGateway}: hours and data processed (its Elastic IP is priced as an {@code AWS::EC2::EIP}). */
public final class NatGatewayPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::NatGateway";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("dataProcessedGb", "GB/month", 0, "data through this gateway per month"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        if (context.resource().text("ConnectivityType", "public").equals("private")) {
            context.note("private NAT gateway");
        }
        return List.of(
                CostLine.of("NAT gateway", Money.HOURS_PER_MONTH, "hour", context.rates().rate(PriceKind.VPC, "nat-gateway.hour")),
                CostLine.of("data processed", context.usage().number("dataProcessedGb"), "GB",
                        context.rates().rate(PriceKind.VPC, "nat-gateway.data.gb")));
    }
}
