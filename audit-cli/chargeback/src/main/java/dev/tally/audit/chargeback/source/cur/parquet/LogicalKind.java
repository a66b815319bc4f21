package dev.tally.audit.chargeback.source.cur.parquet;

/**
 * What a leaf's values mean, taken from the schema's {@code LogicalType} when present, else from the legacy
 * {@code ConvertedType}. Text-like annotations (STRING, ENUM, JSON / UTF8) are all {@link #STRING}. An INT96 leaf is
 * reported as {@link #TIMESTAMP} in {@link TimeUnit#MICROS}, because that is what {@link ColumnChunk#longs()} holds
 * for it. Anything else annotated (integers of a given width, TIME, UUID, ...) is {@link #OTHER}.
 */
public enum LogicalKind { NONE, STRING, DECIMAL, TIMESTAMP, DATE, OTHER }
