package dev.tally.audit.scan.run;

import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.RegionInventory;
import java.util.List;

/**
 * Turns an account's AWS APIs into the immutable inventory the checks evaluate. The only part of the scan that talks
 * to AWS; the scan calls it concurrently for different accounts and regions, so implementations must be thread-safe.
 *
 * <p>Failures: when the whole region (or account) cannot be read, throw (a {@link CollectionException} naming the
 * service, or the SDK's exception); the scan records it as a failure and carries on. When only a part fails
 * (CloudWatch denied, one bucket's ACL denied), return what was collected and list the failures in the inventory;
 * leave the affected values empty ({@code metrics}, {@code traffic}, {@code PolicyStatus.UNKNOWN}) rather than
 * guessing zero.
 */
public interface InventoryCollector {

    /** The regions enabled for the account ({@code ec2:DescribeRegions}), used for {@code --regions all}. */
    List<String> enabledRegions(AccountSession session, String homeRegion);

    /** Instances, load balancers, target groups, tagged resources and their metrics in one region, as scoped. */
    RegionInventory collectRegion(AccountSession session, String region, CollectionScope scope);

    /**
     * The account-level part: the account's S3 Block Public Access (read in {@code homeRegion}) and every bucket
     * with its settings, when {@link CollectionScope#buckets()} is set; otherwise an empty inventory.
     */
    AccountInventory collectAccount(AccountSession session, String homeRegion, CollectionScope scope);
}
