package dev.tally.audit.chargeback.source.cur.parquet;

/** Unit of a TIMESTAMP leaf's stored INT64 values, counted from 1970-01-01T00:00:00 (UTC when adjusted). */
public enum TimeUnit { MILLIS, MICROS, NANOS }
