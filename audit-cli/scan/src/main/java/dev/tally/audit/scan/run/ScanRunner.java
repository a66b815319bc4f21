package dev.tally.audit.scan.run;

import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.ScanFailure;
import dev.tally.audit.scan.model.ScanInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the inventory of every selected account × region concurrently on a bounded pool. A failure (AccessDenied,
 * a region not enabled, a role that cannot be assumed) loses only its own account or region: it is recorded as a
 * {@link ScanFailure} and everything else completes.
 *
 * <p>Two phases, so no pool thread ever waits on another task of the same pool: first every account is opened and
 * its regions resolved, then every account × region (and each account's S3 part) is collected.
 */
public final class ScanRunner {
    private final ScanBackend backend;

    public ScanRunner(ScanBackend backend) {
        this.backend = backend;
    }

    /** What to collect so that the selected checks, and only they, have their data. */
    public static CollectionScope scopeFor(ScanRequest request) {
        CollectionScope scope = new CollectionScope(false, 0, false, 0, false, false, request.lastDay());
        for (Check check : request.checks()) {
            scope = check.requirements(scope, request.policy());
        }
        return scope;
    }

    /** An account opened for scanning, with the regions to scan in it. */
    private record OpenedAccount(AccountSession session, List<String> regions) {
    }

    public ScanResult collect(ScanRequest request, ScanProgress progress) {
        CollectionScope scope = scopeFor(request);
        List<ScanFailure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AccountDirectory directory;
        try {
            directory = backend.accountDirectory(request.accounts(), request.settings(), request.homeRegion());
        } catch (RuntimeException e) {
            return nothingScanned(request, failures, progress, e);
        }
        try (directory) {
            return collect(request, scope, directory, failures, progress);
        }
    }

    private static ScanResult nothingScanned(ScanRequest request, List<ScanFailure> failures, ScanProgress progress,
                                             RuntimeException e) {
        failures.add(Failures.of("-", "global", "Organizations/STS", e));
        progress.done();
        return new ScanResult(new ScanInventory(request.lastDay(), List.of(), List.of()), List.of(), 0, failures);
    }

    private ScanResult collect(ScanRequest request, CollectionScope scope, AccountDirectory directory,
                               List<ScanFailure> failures, ScanProgress progress) {
        List<AuditAccount> accounts;
        try {
            accounts = directory.accounts();
        } catch (RuntimeException e) {
            return nothingScanned(request, failures, progress, e);
        }
        InventoryCollector collector = backend.inventoryCollector();
        ExecutorService pool = Executors.newFixedThreadPool(request.concurrency(), daemonThreads());
        try {
            progress.planned(accounts.size());
            List<CompletableFuture<OpenedAccount>> opening = accounts.stream()
                    .map(account -> CompletableFuture.supplyAsync(() -> open(directory, collector, account, request,
                            failures, progress), pool))
                    .toList();
            List<OpenedAccount> opened = opening.stream().map(CompletableFuture::join).filter(o -> o != null).toList();

            List<CompletableFuture<RegionInventory>> regionTasks = new ArrayList<>();
            List<CompletableFuture<AccountInventory>> accountTasks = new ArrayList<>();
            progress.planned(opened.stream().mapToInt(o -> o.regions().size() + (scope.buckets() ? 1 : 0)).sum());
            for (OpenedAccount account : opened) {
                for (String region : account.regions()) {
                    regionTasks.add(CompletableFuture.supplyAsync(() -> guarded(account.session(), region, "EC2",
                            () -> collector.collectRegion(account.session(), region, scope), failures, progress), pool));
                }
                if (scope.buckets()) {
                    accountTasks.add(CompletableFuture.supplyAsync(() -> guarded(account.session(), "global", "S3",
                            () -> collector.collectAccount(account.session(), request.homeRegion(), scope), failures,
                            progress), pool));
                }
            }
            List<RegionInventory> regions = new ArrayList<>(regionTasks.stream().map(CompletableFuture::join)
                    .filter(r -> r != null).toList());
            List<AccountInventory> accountInventories = new ArrayList<>(accountTasks.stream()
                    .map(CompletableFuture::join).filter(a -> a != null)
                    .map(a -> inSelectedRegions(a, request.regions())).toList());
            regions.forEach(r -> failures.addAll(r.failures()));
            accountInventories.forEach(a -> failures.addAll(a.failures()));
            regions.sort(Comparator.comparing(RegionInventory::accountId).thenComparing(RegionInventory::region));
            accountInventories.sort(Comparator.comparing(AccountInventory::accountId));
            List<ScanFailure> sorted = new ArrayList<>(failures);
            sorted.sort(Comparator.comparing(ScanFailure::accountId).thenComparing(ScanFailure::region)
                    .thenComparing(ScanFailure::service).thenComparing(ScanFailure::message));
            return new ScanResult(new ScanInventory(request.lastDay(), accountInventories, regions), accounts,
                    regions.size(), sorted);
        } finally {
            pool.shutdownNow();
            progress.done();
        }
    }

    private static OpenedAccount open(AccountDirectory directory, InventoryCollector collector, AuditAccount account,
                                      ScanRequest request, List<ScanFailure> failures, ScanProgress progress) {
        try {
            AccountSession session = directory.open(account);
            List<String> regions = request.regions().all()
                    ? collector.enabledRegions(session, request.homeRegion())
                    : request.regions().regions();
            return new OpenedAccount(session, List.copyOf(regions));
        } catch (RuntimeException e) {
            failures.add(Failures.of(account.accountId(), "global", "STS", e));
            return null;
        } finally {
            progress.finished(account.accountId());
        }
    }

    private static <T> T guarded(AccountSession session, String region, String service,
                                 java.util.function.Supplier<T> task, List<ScanFailure> failures, ScanProgress progress) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            failures.add(Failures.of(session.accountId(), region, service, e));
            return null;
        } finally {
            progress.finished(session.accountId() + "/" + region);
        }
    }

    /** Buckets are listed account-wide; an explicit --regions keeps only those regions' buckets. */
    private static AccountInventory inSelectedRegions(AccountInventory account, RegionSelection selection) {
        if (selection.all()) {
            return account;
        }
        List<Bucket> kept = account.buckets().stream().filter(b -> selection.regions().contains(b.region())).toList();
        return new AccountInventory(account.accountId(), account.accountBlockPublicAccess(), kept, account.failures());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tally-scan-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
