package dev.tally.audit.scan.run;

import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.ScanFailure;
import dev.tally.audit.scan.model.ScanInventory;
import java.util.List;

/**
 * What the collection phase produced.
 *
 * @param inventory      what was collected (buckets already limited to the selected regions)
 * @param accounts       the accounts the directory listed
 * @param regionsScanned account × region pairs collected successfully
 * @param failures       every part that failed, from the collectors' partial failures and from whole tasks
 */
public record ScanResult(ScanInventory inventory, List<AuditAccount> accounts, int regionsScanned,
                         List<ScanFailure> failures) {
    public ScanResult {
        accounts = List.copyOf(accounts);
        failures = List.copyOf(failures);
    }
}
