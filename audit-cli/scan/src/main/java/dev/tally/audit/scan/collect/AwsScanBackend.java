package dev.tally.audit.scan.collect;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.account.AwsAccountDirectory;
import dev.tally.audit.scan.collect.pricing.AwsPriceListSource;
import dev.tally.audit.scan.pricing.PriceListSource;
import dev.tally.audit.scan.run.AccountDirectory;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.InventoryCollector;
import dev.tally.audit.scan.run.ScanBackend;
import java.util.Optional;

/** The production backend: accounts from STS/Organizations, inventory from the AWS APIs, prices from Pricing. */
public final class AwsScanBackend implements ScanBackend {
    private final InventoryCollector collector;

    public AwsScanBackend() {
        this(new AwsInventoryCollector());
    }

    public AwsScanBackend(InventoryCollector collector) {
        this.collector = collector;
    }

    @Override
    public AccountDirectory accountDirectory(AccountSelection selection, AwsSettings settings, String homeRegion) {
        return new AwsAccountDirectory(selection, settings, homeRegion);
    }

    @Override
    public InventoryCollector inventoryCollector() {
        return collector;
    }

    /** The Price List API in us-east-1, whatever the home region (the API is served from only a few regions). */
    @Override
    public Optional<PriceListSource> priceListSource(AwsSettings settings, String homeRegion) {
        return Optional.of(new AwsPriceListSource(settings));
    }
}
