package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.Arrays;

/**
 * Decodes Parquet's RLE / bit-packed hybrid (levels, dictionary ids, RLE booleans) and the legacy MSB-first
 * BIT_PACKED level encoding, in bulk into int arrays: runs become {@link Arrays#fill}, bit-packed groups one tight
 * loop, so the hot path has no per-value calls or allocation.
 */
final class RleBitPackedHybrid {

    private RleBitPackedHybrid() {}

    /**
     * Decodes {@code count} values of {@code bitWidth} bits from {@code buf[pos, end)} into
     * {@code out[outOffset, outOffset + count)}.
     *
     * @return the position after the last run consumed
     */
    static int decode(byte[] buf, int pos, int end, int bitWidth, int[] out, int outOffset, int count) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptParquetException("RLE/bit-packed bit width " + bitWidth + " is outside 0..32");
        }
        int byteWidth = (bitWidth + 7) >>> 3;
        int produced = 0;
        while (produced < count) {
            if (pos >= end) {
                throw new CorruptParquetException("RLE/bit-packed data ends after " + produced + " of " + count
                        + " values");
            }
            long header = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= end || shift > 35) {
                    throw new CorruptParquetException("RLE/bit-packed run header is truncated or too long");
                }
                b = buf[pos++];
                header |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            int remaining = count - produced;
            if ((header & 1) == 0) {
                long runLength = header >>> 1;
                if (byteWidth > end - pos) {
                    throw new CorruptParquetException("RLE run value is truncated");
                }
                int value = 0;
                for (int i = 0; i < byteWidth; i++) {
                    value |= (buf[pos + i] & 0xFF) << (8 * i);
                }
                pos += byteWidth;
                int n = (int) Math.min(runLength, remaining);
                Arrays.fill(out, outOffset + produced, outOffset + produced + n, value);
                produced += n;
            } else {
                long groups = header >>> 1;
                int n = (int) Math.min(groups * 8, remaining);
                long runBytes = groups * bitWidth;
                // Only the bytes holding the values we need must be present: writers may stop inside the last group.
                int neededBytes = (int) (((long) n * bitWidth + 7) >>> 3);
                if (neededBytes > end - pos) {
                    throw new CorruptParquetException("bit-packed run of " + n + " values is truncated");
                }
                unpackLsbFirst(buf, pos, bitWidth, out, outOffset + produced, n);
                pos = (int) Math.min(end, pos + runBytes);
                produced += n;
            }
        }
        return pos;
    }

    /** Bit-packing as in the hybrid encoding: values packed from the least significant bit of each byte. */
    private static void unpackLsbFirst(byte[] buf, int pos, int bitWidth, int[] out, int outOffset, int count) {
        if (bitWidth == 0) {
            Arrays.fill(out, outOffset, outOffset + count, 0);
            return;
        }
        long mask = (1L << bitWidth) - 1;
        int p = pos;
        int end = outOffset + count;
        int i = outOffset;
        if (bitWidth <= 8) {
            // Eight values of at most 8 bits fill at most one 64-bit word: one load, eight shifts. The load may
            // reach past this run's bytes (still inside the array); those bits are masked away.
            while (end - i >= 8 && buf.length - p >= 8) {
                long word = PlainValues.readLong(buf, p);
                for (int j = 0; j < 8; j++) {
                    out[i + j] = (int) ((word >>> (j * bitWidth)) & mask);
                }
                i += 8;
                p += bitWidth;
            }
        } else if (bitWidth <= 16) {
            // Eight values of 9..16 bits fill at most two words.
            while (end - i >= 8 && buf.length - p >= 16) {
                long low = PlainValues.readLong(buf, p);
                long high = PlainValues.readLong(buf, p + 8);
                for (int j = 0; j < 8; j++) {
                    int offset = j * bitWidth;
                    long bits;
                    if (offset >= 64) {
                        bits = high >>> (offset - 64);
                    } else if (offset + bitWidth > 64) {
                        bits = (low >>> offset) | (high << (64 - offset));
                    } else {
                        bits = low >>> offset;
                    }
                    out[i + j] = (int) (bits & mask);
                }
                i += 8;
                p += bitWidth;
            }
        }
        long acc = 0;
        int bits = 0;
        for (; i < end; i++) {
            while (bits < bitWidth) {
                acc |= (buf[p++] & 0xFFL) << bits;
                bits += 8;
            }
            out[i] = (int) (acc & mask);
            acc >>>= bitWidth;
            bits -= bitWidth;
        }
    }

    /**
     * The deprecated BIT_PACKED level encoding: values packed from the most significant bit, no run headers.
     *
     * @return the position after the packed values
     */
    static int decodeLegacyBitPacked(byte[] buf, int pos, int end, int bitWidth, int[] out, int outOffset,
            int count) {
        long bytes = ((long) count * bitWidth + 7) >>> 3;
        if (bytes > end - pos) {
            throw new CorruptParquetException("BIT_PACKED levels are truncated");
        }
        long bitIndex = (long) pos * 8;
        for (int i = 0; i < count; i++) {
            int value = 0;
            for (int b = 0; b < bitWidth; b++, bitIndex++) {
                int bit = (buf[(int) (bitIndex >>> 3)] >>> (7 - (int) (bitIndex & 7))) & 1;
                value = (value << 1) | bit;
            }
            out[outOffset + i] = value;
        }
        return pos + (int) bytes;
    }

    /**
     * A v1 data page's repetition or definition levels: RLE (4-byte little-endian length, then the hybrid) or the
     * deprecated BIT_PACKED.
     *
     * @return the position after the levels
     */
    static int decodeV1Levels(int encoding, byte[] data, int p, int end, int maxLevel, int[] out, int offset, int n,
            String kind, String columnName) {
        int bitWidth = bitWidth(maxLevel);
        if (encoding == ParquetEncoding.BIT_PACKED) {
            return decodeLegacyBitPacked(data, p, end, bitWidth, out, offset, n);
        }
        if (encoding != ParquetEncoding.RLE) {
            throw new UnsupportedParquetException(kind + " level encoding " + ParquetEncoding.encodingName(encoding)
                    + " in column " + columnName);
        }
        if (4 > end - p) {
            throw new CorruptParquetException(kind + " levels are truncated");
        }
        int length = PlainValues.readInt(data, p);
        if (length < 0 || length > end - p - 4) {
            throw new CorruptParquetException(kind + " levels declare " + length + " bytes, the page has "
                    + (end - p - 4));
        }
        decode(data, p + 4, p + 4 + length, bitWidth, out, offset, n);
        return p + 4 + length;
    }

    /** Bits needed to store levels up to {@code maxLevel}. */
    static int bitWidth(int maxLevel) {
        return 32 - Integer.numberOfLeadingZeros(maxLevel);
    }
}
