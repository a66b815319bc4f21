package dev.tally.audit.chargeback.source.athena;

import java.time.Duration;

/**
 * How long to wait for an Athena query, and how often to ask. {@code GetQueryExecution} is free but throttled per
 * account, so the interval doubles from {@code firstDelay} up to {@code maxDelay}; past {@code timeout} the query is
 * stopped ({@code StopQueryExecution}) and the report is not written.
 *
 * @param firstDelay the wait before the first poll; default 250 ms (a small month's query takes about a second)
 * @param maxDelay   the longest wait between two polls; default 5 s
 * @param timeout    the longest a query may run; default 10 minutes (a month of a large organisation's CUR takes
 *                   tens of seconds; anything near this is a sign of a missing partition or a queued workgroup)
 */
public record AthenaPolling(Duration firstDelay, Duration maxDelay, Duration timeout) {
    public AthenaPolling {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || timeout.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("polling needs 0 < firstDelay <= maxDelay and firstDelay <= timeout, was "
                    + firstDelay + ", " + maxDelay + ", " + timeout);
        }
    }

    public static AthenaPolling defaults() {
        return new AthenaPolling(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /** The wait after {@code previous}: doubled, at most {@link #maxDelay}. */
    Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
