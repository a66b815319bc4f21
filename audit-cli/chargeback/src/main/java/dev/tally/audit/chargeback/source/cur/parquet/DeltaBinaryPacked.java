package dev.tally.audit.chargeback.source.cur.parquet;

/**
 * Decodes DELTA_BINARY_PACKED (Encodings.md): a header {@code <block size> <miniblocks per block> <total count>
 * <first value (zigzag)>}, then blocks of {@code <min delta (zigzag)> <one bit-width byte per miniblock>
 * <miniblocks>}, each miniblock bit-packed LSB-first. DuckDB writes it for integers in v2 files, and it carries the
 * lengths of the DELTA_*_BYTE_ARRAY encodings. Arithmetic wraps, as the spec requires.
 */
final class DeltaBinaryPacked {

    private DeltaBinaryPacked() {}

    /**
     * Decodes {@code count} values into {@code out[offset..]}.
     *
     * @return the position right after the encoded values (where DELTA_LENGTH_BYTE_ARRAY's bytes start)
     */
    static int decode(byte[] buf, int pos, int end, long[] out, int offset, int count) {
        if (count == 0 && pos >= end) {
            return pos; // an all-null page may carry no values section at all
        }
        int[] cursor = {pos};
        long blockSize = varint(buf, cursor, end);
        long miniblocks = varint(buf, cursor, end);
        long total = varint(buf, cursor, end);
        long value = zigzag(varint(buf, cursor, end));
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || total < count) {
            throw new CorruptParquetException("DELTA_BINARY_PACKED header is invalid (block " + blockSize
                    + ", miniblocks " + miniblocks + ", values " + total + " for " + count + " expected)");
        }
        int perMiniblock = (int) (blockSize / miniblocks);
        if (count > 0) {
            out[offset] = value;
        }
        int produced = Math.min(1, count);
        long remainingDeltas = total - 1;
        int p = cursor[0];
        // Walk every block the header announces, even past `count`, so the returned position is exact.
        while (remainingDeltas > 0) {
            cursor[0] = p;
            long minDelta = zigzag(varint(buf, cursor, end));
            p = cursor[0];
            if (miniblocks > end - p) {
                throw new CorruptParquetException("DELTA_BINARY_PACKED bit widths are truncated");
            }
            int widths = p;
            p += (int) miniblocks;
            for (int m = 0; m < miniblocks && remainingDeltas > 0; m++) {
                int bitWidth = buf[widths + m] & 0xFF;
                if (bitWidth > 64) {
                    throw new CorruptParquetException("DELTA_BINARY_PACKED bit width " + bitWidth);
                }
                long miniblockBytes = (long) perMiniblock * bitWidth / 8;
                if (miniblockBytes > end - p) {
                    throw new CorruptParquetException("DELTA_BINARY_PACKED miniblock is truncated");
                }
                int inMiniblock = (int) Math.min(perMiniblock, remainingDeltas);
                int n = Math.min(inMiniblock, count - produced);
                long bitPos = (long) p * 8;
                for (int i = 0; i < n; i++, bitPos += bitWidth) {
                    value += minDelta + readBits(buf, bitPos, bitWidth);
                    out[offset + produced++] = value;
                }
                remainingDeltas -= inMiniblock;
                p += (int) miniblockBytes;
            }
        }
        return p;
    }

    private static long readBits(byte[] buf, long bitPos, int bitWidth) {
        if (bitWidth == 0) {
            return 0;
        }
        int index = (int) (bitPos >>> 3);
        int shift = (int) (bitPos & 7);
        long result = (buf[index++] & 0xFF) >>> shift;
        int got = 8 - shift;
        while (got < bitWidth) {
            result |= (buf[index++] & 0xFFL) << got;
            got += 8;
        }
        return bitWidth == 64 ? result : result & ((1L << bitWidth) - 1);
    }

    private static long varint(byte[] buf, int[] cursor, int end) {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (cursor[0] >= end) {
                throw new CorruptParquetException("DELTA_BINARY_PACKED data is truncated");
            }
            byte b = buf[cursor[0]++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new CorruptParquetException("DELTA_BINARY_PACKED varint is too long");
    }

    private static long zigzag(long raw) {
        return (raw >>> 1) ^ -(raw & 1);
    }
}
