package dev.tally.audit.scan.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one call per item on a small, bounded pool (per-bucket and per-load-balancer calls are independent and each
 * waits mostly on the network), keeping the results in input order. Bounded so a 2,000-bucket account does not open
 * 2,000 connections, and so the adaptive retry rate limiter can still pace a throttled API.
 */
public final class BoundedParallel {
    private final int parallelism;

    /** @param parallelism threads per call of {@link #map}, at least 1 */
    public BoundedParallel(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Applies {@code call} to every item; the first exception thrown by a call is rethrown after all have ended. */
    public <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() <= 1 || parallelism == 1) {
            return items.stream().map(call).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), runnable -> {
            Thread thread = new Thread(runnable, "tally-collect");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while collecting", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
