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

/** {@code AWS::SecretsManager::Secret}: the secret-month and API calls (a rotation Lambda is priced as a function). */
public final class SecretPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::SecretsManager::Secret";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("apiCallsPerMonth", "calls/month", 0, "GetSecretValue and other API calls"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        return List.of(
                CostLine.of("secret", 1, "secret-month", context.rates().rate(PriceKind.SECRETS_MANAGER, "secret.secret-month")),
                CostLine.of("API calls", context.usage().number("apiCallsPerMonth") / 1e4, "10K calls",
                        context.rates().rate(PriceKind.SECRETS_MANAGER, "api.per-10k")));
    }
}
