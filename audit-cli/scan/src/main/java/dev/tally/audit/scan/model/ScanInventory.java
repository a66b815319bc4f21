package dev.tally.audit.scan.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one scan collected: what the checks evaluate. Pure data; checks never call AWS.
 *
 * @param lastDay  the last complete UTC day metrics cover (the day before the scan ran)
 * @param accounts the account-level inventories (S3), one per scanned account that succeeded
 * @param regions  the regional inventories, one per account × region that succeeded
 */
public record ScanInventory(LocalDate lastDay, List<AccountInventory> accounts, List<RegionInventory> regions) {
    public ScanInventory {
        Objects.requireNonNull(lastDay, "lastDay");
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }

    /** The account-level inventory of one account, if it was collected. */
    public Optional<AccountInventory> account(String accountId) {
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }
}
