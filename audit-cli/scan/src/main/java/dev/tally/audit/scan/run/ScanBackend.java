package dev.tally.audit.scan.run;

import dev.tally.audit.common.aws.AwsSettings;

/**
 * Where the scan gets its accounts and inventory from: AWS in production, an in-memory inventory in tests. The
 * command builds one per run from the parsed options.
 */
public interface ScanBackend {

    /**
     * The account directory for the selection.
     *
     * @param selection  which accounts ({@code --accounts}/{@code --role-name}, {@code --organization}, or current)
     * @param settings   the caller's settings ({@code --profile}, call ledger)
     * @param homeRegion the region for global calls (STS, Organizations, S3 Control)
     */
    AccountDirectory accountDirectory(AccountSelection selection, AwsSettings settings, String homeRegion);

    /** The collector (thread-safe, shared by every account and region of the run). */
    InventoryCollector inventoryCollector();

    /**
     * Where {@code tally scan prices refresh} fetches current prices (the AWS Price List API), or empty when this
     * backend cannot fetch them; the refresh then says so and exits with a usage error.
     *
     * @param settings   the caller's settings
     * @param homeRegion the region for the Pricing endpoint choice (the API lives in us-east-1 and a few others)
     */
    default java.util.Optional<dev.tally.audit.scan.pricing.PriceListSource> priceListSource(AwsSettings settings,
                                                                                            String homeRegion) {
        return java.util.Optional.empty();
    }
}
