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
}
