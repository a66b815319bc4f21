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

/** {@code AWS::EC2::EIP}: a public IPv4 address, charged by the hour whether attached or not. */
public final class ElasticIpPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::EIP";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of();
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        return List.of(CostLine.of("public IPv4 address", Money.HOURS_PER_MONTH, "hour",
                context.rates().rate(PriceKind.VPC, "public-ipv4.hour")));
    }
}
