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

/** {@code AWS::ApiGatewayV2::Api}: HTTP API requests; WebSocket APIs (messages and connection minutes) are unpriced. */
public final class ApiGatewayV2ApiPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ApiGatewayV2::Api";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("requestsPerMonth", "requests/month", 0, "API calls per month"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        String protocol = context.resource().text("ProtocolType", "HTTP");
        if (!protocol.equals("HTTP")) {
            throw new dev.tally.audit.estimate.price.MissingPrice(protocol + " APIs are not priced (messages and "
                    + "connection minutes)");
        }
        return List.of(CostLine.of("HTTP API requests", context.usage().number("requestsPerMonth") / 1e6,
                "1M requests", context.rates().rate(PriceKind.API_GATEWAY, "http.requests.per-million")));
    }
}
