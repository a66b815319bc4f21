package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.Arrays;

/**
 * The two delta encodings of BYTE_ARRAY values (Encodings.md), decoded straight into a chunk's
 * {@link StringDictionary}: DELTA_LENGTH_BYTE_ARRAY (DuckDB's choice for high-cardinality strings in v2 files) and
 * DELTA_BYTE_ARRAY (front coding, used by parquet-mr / Spark v2 writers).
 */
final class DeltaByteArrays {

    private DeltaByteArrays() {}

    /** DELTA_LENGTH_BYTE_ARRAY: all lengths (DELTA_BINARY_PACKED), then all bytes back to back. */
    static void decodeLengths(byte[] data, int p, int end, StringDictionary strings, int[] ids, int offset,
            int count) {
        if (count == 0) {
            return;
        }
        long[] lengths = new long[count];
        p = DeltaBinaryPacked.decode(data, p, end, lengths, 0, count);
        for (int k = 0; k < count; k++) {
            int length = checkedLength(lengths[k], p, end);
            ids[offset + k] = strings.intern(data, p, length);
            p += length;
        }
    }

    /**
     * DELTA_BYTE_ARRAY: prefix lengths, then suffix lengths (both DELTA_BINARY_PACKED), then the suffixes; each
     * value is the previous value's first {@code prefix} bytes followed by its suffix.
     */
    static void decodeIncremental(byte[] data, int p, int end, StringDictionary strings, int[] ids, int offset,
            int count) {
        if (count == 0) {
            return;
        }
        long[] prefixes = new long[count];
        p = DeltaBinaryPacked.decode(data, p, end, prefixes, 0, count);
        long[] suffixes = new long[count];
        p = DeltaBinaryPacked.decode(data, p, end, suffixes, 0, count);
        byte[] value = new byte[64];
        int valueLength = 0;
        for (int k = 0; k < count; k++) {
            long prefix = prefixes[k];
            if (prefix < 0 || prefix > valueLength) {
                throw new CorruptParquetException("DELTA_BYTE_ARRAY prefix of " + prefix + " bytes is longer than the "
                        + valueLength + "-byte previous value");
            }
            int suffix = checkedLength(suffixes[k], p, end);
            int length = (int) prefix + suffix;
            if (length > value.length) {
                value = Arrays.copyOf(value, Math.max(length, value.length * 2));
            }
            System.arraycopy(data, p, value, (int) prefix, suffix);
            p += suffix;
            valueLength = length;
            ids[offset + k] = strings.intern(value, 0, length);
        }
    }

    private static int checkedLength(long length, int p, int end) {
        if (length < 0 || length > end - p) {
            throw new CorruptParquetException("a byte array of " + length + " bytes runs past the end of its page");
        }
        return (int) length;
    }
}
