package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.List;

/**
 * The parts of Parquet's {@code FileMetaData} footer this reader uses, as parsed (no interpretation yet).
 *
 * @param encrypted true when the footer declares an encryption algorithm (plaintext-footer encrypted file)
 */
record FileMetadata(List<SchemaElement> schema, long numRows, List<RowGroup> rowGroups, boolean encrypted) {

    /** Unset optional thrift integers. */
    static final int ABSENT = -1;

    /**
     * One node of the depth-first schema list.
     *
     * @param type          thrift {@code Type} ordinal for a leaf, {@link #ABSENT} for a group
     * @param repetition    0 REQUIRED, 1 OPTIONAL, 2 REPEATED; {@link #ABSENT} for the root
     * @param convertedType thrift {@code ConvertedType} ordinal or {@link #ABSENT}
     * @param logical       the {@code LogicalType} union, null when absent
     */
    record SchemaElement(String name, int type, int repetition, int numChildren, int convertedType, int scale,
            int precision, LogicalAnnotation logical) {

        boolean isLeaf() {
            return type != ABSENT;
        }
    }

    /**
     * The {@code LogicalType} union member that was set.
     *
     * @param member   the union's field id (1 STRING, 2 MAP, 5 DECIMAL, 6 DATE, 8 TIMESTAMP, 10 INTEGER, ...)
     * @param timeUnit for TIMESTAMP/TIME, else null
     * @param signed   for INTEGER, else true
     */
    record LogicalAnnotation(int member, int scale, int precision, TimeUnit timeUnit, boolean signed) {
        static final int STRING = 1;
        static final int MAP = 2;
        static final int ENUM = 4;
        static final int DECIMAL = 5;
        static final int DATE = 6;
        static final int TIMESTAMP = 8;
        static final int INTEGER = 10;
        static final int JSON = 12;
    }

    record RowGroup(long numRows, List<ChunkMetadata> columns) {}

    /**
     * A column chunk's location and description.
     *
     * @param filePath             non-null when the data lives in another file
     * @param encrypted            true when the chunk carries crypto metadata
     * @param dictionaryPageOffset {@link #ABSENT} when unset
     * @param statistics           null when the chunk has none
     */
    record ChunkMetadata(String filePath, boolean encrypted, int type, List<String> pathInSchema, int codec,
            long numValues, long totalCompressedSize, long dataPageOffset, long dictionaryPageOffset,
            RawStatistics statistics) {}

    /** Thrift {@code Statistics}: each bound PLAIN-encoded (no length prefix), null when absent. */
    record RawStatistics(byte[] max, byte[] min, long nullCount, byte[] maxValue, byte[] minValue) {}
}
