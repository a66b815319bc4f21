package dev.tally.audit.scan;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceListSource;
import dev.tally.audit.scan.run.AccountDirectory;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.AccountSession;
import dev.tally.audit.scan.run.CollectionException;
import dev.tally.audit.scan.run.InventoryCollector;
import dev.tally.audit.scan.run.ScanBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scan backend over hand-built inventories: our own interfaces implemented in memory (not an SDK fake), so the
 * command, orchestration and rendering are tested end to end without AWS. Records what it was asked for.
 */
public final class InMemoryBackend implements ScanBackend, InventoryCollector {
    private final List<AuditAccount> accounts = new ArrayList<>();
    private final Map<String, List<String>> enabledRegions = new HashMap<>();
    private final Map<String, RegionInventory> regions = new HashMap<>();
    private final Map<String, RuntimeException> regionFailures = new HashMap<>();
    private final Map<String, AccountInventory> accountInventories = new HashMap<>();
    private final Set<String> unopenable = new HashSet<>();
    private List<PriceEntry> prices;

    /** What the scan asked for, for assertions. */
    public final List<AccountSelection> selections = Collections.synchronizedList(new ArrayList<>());
    public final List<String> homeRegions = Collections.synchronizedList(new ArrayList<>());
    public final List<CollectionScope> scopes = Collections.synchronizedList(new ArrayList<>());
    public final Set<String> regionsCollected = ConcurrentHashMap.newKeySet();
    public final AtomicInteger concurrentNow = new AtomicInteger();
    public final AtomicInteger concurrentMax = new AtomicInteger();
    public final AtomicInteger directoriesClosed = new AtomicInteger();
    public final AtomicInteger priceSourcesClosed = new AtomicInteger();
    private RuntimeException listingFailure;

    public InMemoryBackend listingFails(RuntimeException failure) {
        this.listingFailure = failure;
        return this;
    }

    public InMemoryBackend account(String id, String... enabled) {
        accounts.add(AuditAccount.of(id));
        enabledRegions.put(id, List.of(enabled));
        return this;
    }

    public InMemoryBackend region(RegionInventory inventory) {
        regions.put(inventory.accountId() + "/" + inventory.region(), inventory);
        return this;
    }

    public InMemoryBackend failingRegion(String accountId, String region, RuntimeException failure) {
        regionFailures.put(accountId + "/" + region, failure);
        return this;
    }

    public InMemoryBackend accountInventory(AccountInventory inventory) {
        accountInventories.put(inventory.accountId(), inventory);
        return this;
    }

    public InMemoryBackend unopenable(String accountId) {
        unopenable.add(accountId);
        return this;
    }

    public InMemoryBackend prices(List<PriceEntry> entries) {
        this.prices = entries;
        return this;
    }

    @Override
    public AccountDirectory accountDirectory(AccountSelection selection, AwsSettings settings, String homeRegion) {
        selections.add(selection);
        homeRegions.add(homeRegion);
        return new AccountDirectory() {
            @Override
            public List<AuditAccount> accounts() {
                if (listingFailure != null) {
                    throw listingFailure;
                }
                return List.copyOf(accounts);
            }

            @Override
            public void close() {
                directoriesClosed.incrementAndGet();
            }

            @Override
            public AccountSession open(AuditAccount account) {
                if (unopenable.contains(account.accountId())) {
                    throw new CollectionException("STS", "AccessDenied on STS:AssumeRole: not authorized to assume "
                            + "arn:aws:iam::" + account.accountId() + ":role/TallyAudit", null);
                }
                return new AccountSession(account, settings);
            }
        };
    }

    @Override
    public InventoryCollector inventoryCollector() {
        return this;
    }

    @Override
    public Optional<PriceListSource> priceListSource(AwsSettings settings, String homeRegion) {
        if (prices == null) {
            return Optional.empty();
        }
        return Optional.of(new ClosingSource());
    }

    /** A price source that owns a resource, as the Price List API client does. */
    private final class ClosingSource implements PriceListSource, AutoCloseable {
        @Override
        public List<PriceEntry> fetch(Set<String> wanted) {
            return prices.stream().filter(p -> wanted.contains(p.region())).toList();
        }

        @Override
        public String description() {
            return "in-memory price list";
        }

        @Override
        public void close() {
            priceSourcesClosed.incrementAndGet();
        }
    }

    @Override
    public List<String> enabledRegions(AccountSession session, String homeRegion) {
        return enabledRegions.getOrDefault(session.accountId(), List.of());
    }

    @Override
    public RegionInventory collectRegion(AccountSession session, String region, CollectionScope scope) {
        int now = concurrentNow.incrementAndGet();
        concurrentMax.accumulateAndGet(now, Math::max);
        try {
            scopes.add(scope);
            Thread.sleep(20);   // long enough for concurrent tasks to overlap
            String key = session.accountId() + "/" + region;
            regionsCollected.add(key);
            if (regionFailures.containsKey(key)) {
                throw regionFailures.get(key);
            }
            return regions.getOrDefault(key, RegionInventory.empty(session.accountId(), region));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            concurrentNow.decrementAndGet();
        }
    }

    @Override
    public AccountInventory collectAccount(AccountSession session, String homeRegion, CollectionScope scope) {
        return accountInventories.getOrDefault(session.accountId(), AccountInventory.empty(session.accountId()));
    }
}
