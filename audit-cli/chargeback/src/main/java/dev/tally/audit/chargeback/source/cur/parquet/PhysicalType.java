package dev.tally.audit.chargeback.source.cur.parquet;

/** Parquet's physical (storage) types, in the order of parquet.thrift's {@code Type} enum. */
public enum PhysicalType {
    BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE, BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY;

    /** The type for a thrift {@code Type} ordinal; null when the number is unknown to this reader. */
    static PhysicalType ofThrift(int value) {
        PhysicalType[] all = values();
        return value >= 0 && value < all.length ? all[value] : null;
    }
}
