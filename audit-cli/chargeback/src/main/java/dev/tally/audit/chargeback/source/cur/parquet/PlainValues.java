package dev.tally.audit.chargeback.source.cur.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** PLAIN-encoded fixed-width values, read in bulk with little-endian array views (no per-value objects). */
final class PlainValues {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_LE =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
    static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private PlainValues() {}

    static int readInt(byte[] buf, int pos) {
        return (int) INT_LE.get(buf, pos);
    }

    static long readLong(byte[] buf, int pos) {
        return (long) LONG_LE.get(buf, pos);
    }

    /** The 4-byte little-endian length of a PLAIN BYTE_ARRAY at {@code pos}, checked against the page end. */
    static int byteArrayLength(byte[] buf, int pos, int end) {
        if (4 > end - pos) {
            throw new CorruptParquetException("a BYTE_ARRAY length runs past the end of its page");
        }
        int length = readInt(buf, pos);
        if (length < 0 || length > end - pos - 4) {
            throw new CorruptParquetException("a BYTE_ARRAY of " + length + " bytes runs past the end of its page");
        }
        return length;
    }

    /**
     * Reads {@code count} INT32 / INT64 / INT96 / BOOLEAN values as longs.
     *
     * @return the position after the values
     */
    static int readLongs(PhysicalType type, byte[] buf, int pos, int end, long[] out, int offset, int count) {
        switch (type) {
            case INT32 -> {
                require(4L * count, pos, end, type);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (int) INT_LE.get(buf, pos + 4 * i);
                }
                return pos + 4 * count;
            }
            case INT64 -> {
                require(8L * count, pos, end, type);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (long) LONG_LE.get(buf, pos + 8 * i);
                }
                return pos + 8 * count;
            }
            case INT96 -> {
                require(12L * count, pos, end, type);
                for (int i = 0; i < count; i++) {
                    int p = pos + 12 * i;
                    out[offset + i] = int96ToEpochMicros((long) LONG_LE.get(buf, p), (int) INT_LE.get(buf, p + 8));
                }
                return pos + 12 * count;
            }
            case BOOLEAN -> {
                require((count + 7L) >>> 3, pos, end, type);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (buf[pos + (i >>> 3)] >>> (i & 7)) & 1;
                }
                return pos + ((count + 7) >>> 3);
            }
            default -> throw new IllegalStateException("not a long-valued type: " + type);
        }
    }

    /**
     * Reads {@code count} FLOAT / DOUBLE values as doubles.
     *
     * @return the position after the values
     */
    static int readDoubles(PhysicalType type, byte[] buf, int pos, int end, double[] out, int offset, int count) {
        if (type == PhysicalType.FLOAT) {
            require(4L * count, pos, end, type);
            for (int i = 0; i < count; i++) {
                out[offset + i] = (float) FLOAT_LE.get(buf, pos + 4 * i);
            }
            return pos + 4 * count;
        }
        require(8L * count, pos, end, type);
        for (int i = 0; i < count; i++) {
            out[offset + i] = (double) DOUBLE_LE.get(buf, pos + 8 * i);
        }
        return pos + 8 * count;
    }

    /**
     * BYTE_STREAM_SPLIT: byte k of value i is at {@code pos + k * count + i}. Values are reassembled into
     * little-endian bit patterns, then read as the type says.
     */
    static void readByteStreamSplit(PhysicalType type, byte[] buf, int pos, int end, long[] longsOut,
            double[] doublesOut, int offset, int count) {
        int width = switch (type) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            default -> throw new IllegalStateException("BYTE_STREAM_SPLIT for " + type);
        };
        require((long) width * count, pos, end, type);
        for (int i = 0; i < count; i++) {
            long bits = 0;
            for (int k = 0; k < width; k++) {
                bits |= (buf[pos + k * count + i] & 0xFFL) << (8 * k);
            }
            switch (type) {
                case INT32 -> longsOut[offset + i] = (int) bits;
                case INT64 -> longsOut[offset + i] = bits;
                case FLOAT -> doublesOut[offset + i] = Float.intBitsToFloat((int) bits);
                default -> doublesOut[offset + i] = Double.longBitsToDouble(bits);
            }
        }
    }

    /** INT96 = 8 bytes nanoseconds of the day + 4 bytes Julian day, both little-endian. */
    static long int96ToEpochMicros(long nanosOfDay, int julianDay) {
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
    }

    private static void require(long bytes, int pos, int end, PhysicalType type) {
        if (bytes > end - pos) {
            throw new CorruptParquetException("PLAIN " + type + " values need " + bytes + " bytes, the page has "
                    + (end - pos));
        }
    }
}
