package dev.tally.audit.scan.collect;

import dev.tally.audit.scan.model.ScanFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects the failures of one account × region (thread-safe), so one denied or throttled operation costs only its
 * own part of the inventory.
 */
public final class FailureLog {
    private final String account;
    private final String region;
    private final List<CollectionFailure> failures = new ArrayList<>();
    private int attempts;

    public FailureLog(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /** Runs one part; a {@link FailedCall} is recorded and gives empty. */
    public <T> Optional<T> attempt(Supplier<T> part) {
        synchronized (this) {
            attempts++;
        }
        try {
            return Optional.ofNullable(part.get());
        } catch (FailedCall failed) {
            record(failed);
            return Optional.empty();
        }
    }

    public synchronized void record(FailedCall failed) {
        failures.add(failed.toFailure(account, region));
    }

    public synchronized List<CollectionFailure> failures() {
        return List.copyOf(failures);
    }

    public synchronized List<ScanFailure> scanFailures() {
        return failures.stream().map(CollectionFailure::toScanFailure).toList();
    }

    /** True when parts were attempted and every one of them failed: the region as a whole could not be read. */
    public synchronized boolean everythingFailed() {
        return attempts > 0 && failures.size() >= attempts;
    }
}
