package dev.tally.audit.chargeback.source.cur;

import java.util.Optional;

/**
 * How the embedded DuckDB runs.
 *
 * @param threads     worker threads; default: the number of available cores
 * @param memoryLimit DuckDB {@code memory_limit} (for example {@code 1GB}); past it DuckDB spills aggregation state to
 *                    disk instead of failing. Default: DuckDB's own (80% of RAM)
 */
public record DuckDbSettings(int threads, Optional<String> memoryLimit) {
    public DuckDbSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        memoryLimit.ifPresent(limit -> {
            if (!limit.matches("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
                throw new IllegalArgumentException("memory limit '" + limit + "' must look like 512MB or 2GB");
            }
        });
    }

    public static DuckDbSettings defaults() {
        return new DuckDbSettings(Runtime.getRuntime().availableProcessors(), Optional.empty());
    }

    public DuckDbSettings withMemoryLimit(String limit) {
        return new DuckDbSettings(threads, Optional.of(limit));
    }
}
