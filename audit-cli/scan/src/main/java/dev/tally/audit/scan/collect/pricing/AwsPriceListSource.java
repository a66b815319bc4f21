package dev.tally.audit.scan.collect.pricing;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceListSource;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * The Price List API as {@code tally scan prices refresh} uses it: a Pricing client (us-east-1) built for one fetch
 * and closed after it, so the refresh holds no connections once it has written the table.
 */
public final class AwsPriceListSource implements PriceListSource {
    private final AwsSettings settings;

    public AwsPriceListSource(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PriceEntry> fetch(Set<String> regions) {
        try (PricingClient pricing = new ServiceClients(settings).pricing()) {
            return new PriceListFetcher(pricing).fetch(regions);
        }
    }

    @Override
    public String description() {
        return "AWS Price List API (pricing.us-east-1)";
    }
}
