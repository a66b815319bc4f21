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

/** {@code AWS::ApiGateway::RestApi}: REST API requests (first pricing tier). */
public final class ApiGatewayRestApiPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ApiGateway::RestApi";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("requestsPerMonth", "requests/month", 0, "API calls per month, all stages"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        return List.of(CostLine.of("REST API requests", context.usage().number("requestsPerMonth") / 1e6,
                "1M requests", context.rates().rate(PriceKind.API_GATEWAY, "rest.requests.per-million")));
    }
}
