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

/** {@code AWS::KMS::Key}: the key-month and requests (symmetric-key rate). */
public final class KmsKeyPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::KMS::Key";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("requestsPerMonth", "requests/month", 0, "Encrypt, Decrypt, GenerateDataKey calls"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView key = context.resource();
        if (key.bool("EnableKeyRotation", false)) {
            context.note("rotation adds 1 key-month for each of the first two rotations (from the second year)");
        }
        if (!key.text("KeySpec", "SYMMETRIC_DEFAULT").equals("SYMMETRIC_DEFAULT")) {
            context.note("asymmetric or HMAC key: requests priced at the symmetric rate, a floor");
        }
        return List.of(
                CostLine.of("customer managed key", 1, "key-month", context.rates().rate(PriceKind.KMS, "key.key-month")),
                CostLine.of("requests", context.usage().number("requestsPerMonth") / 1e4, "10K requests",
                        context.rates().rate(PriceKind.KMS, "requests.per-10k")));
    }
}
