package dev.tally.audit.chargeback.source.cur;

/** Which engine aggregates a CUR month. */
public enum CurEngine {
    /**
     * The direct Parquet reader where it applies (Parquet files it can decode), DuckDB SQL otherwise. The default.
     */
    AUTO,
    /** DuckDB SQL always: the reference, and the way to cross-check a report. */
    DUCKDB
}
