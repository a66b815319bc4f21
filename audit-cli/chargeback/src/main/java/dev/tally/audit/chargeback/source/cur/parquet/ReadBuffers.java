package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.HashMap;
import java.util.Map;

/**
 * Arrays a reader thread reuses from one row group to the next, so that decoding a month allocates per column once
 * rather than per row group (a row group's chunks are megabytes; fresh ones per group keep the garbage collector busy
 * and the heap high). Not thread-safe: one per thread.
 *
 * <p>A chunk read with these buffers shares its arrays with them: it is valid until the next read of the same column
 * path with the same buffers, and its arrays may be longer than {@link ColumnChunk#size()}.
 */
public final class ReadBuffers {
    private final Map<String, ColumnArrays> columns = new HashMap<>();
    private byte[] raw = new byte[0];

    /** By column path, so the same column of files with different schemas shares one set of arrays. */
    ColumnArrays column(String path) {
        return columns.computeIfAbsent(path, p -> new ColumnArrays());
    }

    /** A buffer for a chunk's compressed bytes, at least {@code length} long. */
    byte[] raw(int length) {
        if (raw.length < length) {
            raw = new byte[Math.max(length, raw.length + (raw.length >> 1))];
        }
        return raw;
    }

    /** One column's output arrays and decompressor. */
    static final class ColumnArrays {
        int[] repetition = new int[0];
        int[] definition = new int[0];
        boolean[] nulls = new boolean[0];
        int[] ids = new int[0];
        long[] longs = new long[0];
        double[] doubles = new double[0];
        private PageDecompressor decompressor;
        private int codec = -1;

        PageDecompressor decompressor(int codec, String columnName) {
            if (decompressor == null || this.codec != codec) {
                decompressor = PageDecompressor.forCodec(codec, columnName);
                this.codec = codec;
            }
            return decompressor;
        }

        static int[] ints(int[] current, int n) {
            return current.length >= n ? current : new int[n];
        }

        static boolean[] booleans(boolean[] current, int n) {
            return current.length >= n ? current : new boolean[n];
        }

        static long[] longs(long[] current, int n) {
            return current.length >= n ? current : new long[n];
        }

        static double[] doubles(double[] current, int n) {
            return current.length >= n ? current : new double[n];
        }
    }
}
