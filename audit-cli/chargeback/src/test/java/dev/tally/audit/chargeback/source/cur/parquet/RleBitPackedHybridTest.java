package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RLE / bit-packed hybrid decoding follows parquet-format's Encodings.md")
class RleBitPackedHybridTest {

    @Test
    @DisplayName("Encodings.md's bit-packing example: 0..7 at width 3 is 10001000 11000110 11111010")
    void specBitPackingExample() {
        byte[] data = {(byte) 0b0000_0011, (byte) 0b1000_1000, (byte) 0b1100_0110, (byte) 0b1111_1010};
        int[] out = new int[8];
        int end = RleBitPackedHybrid.decode(data, 0, data.length, 3, out, 0, 8);
        assertThat(out).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(end).isEqualTo(4);
    }

    @Test
    @DisplayName("Encodings.md's deprecated BIT_PACKED example: 0..7 at width 3 is 00000101 00111001 01110111")
    void specLegacyBitPackedExample() {
        byte[] data = {(byte) 0b0000_0101, (byte) 0b0011_1001, (byte) 0b0111_0111};
        int[] out = new int[8];
        assertThat(RleBitPackedHybrid.decodeLegacyBitPacked(data, 0, 3, 3, out, 0, 8)).isEqualTo(3);
        assertThat(out).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    @DisplayName("an RLE run (varint length, little-endian value) followed by a bit-packed run, into an offset")
    void rleThenBitPacked() {
        // run of 300 (header 600 = varint 0xD8 0x04) of value 0x0102 at width 9 (2 bytes LE), then one group of
        // 8 values at width 9 (header 0x03, 9 bytes), all 0x1FF
        byte[] data = {(byte) 0xD8, 0x04, 0x02, 0x01, 0x03, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        int[] out = new int[310];
        RleBitPackedHybrid.decode(data, 0, data.length, 9, out, 2, 308);
        assertThat(out[1]).isZero();
        assertThat(out[2]).isEqualTo(0x0102);
        assertThat(out[301]).isEqualTo(0x0102);
        assertThat(java.util.Arrays.copyOfRange(out, 302, 310)).containsOnly(0x1FF);
    }

    @Test
    @DisplayName("data that ends before the requested count is reported as corrupt, not read past")
    void truncatedRuns() {
        byte[] data = {0x03, (byte) 0x88};
        assertThatThrownBy(() -> RleBitPackedHybrid.decode(data, 0, data.length, 3, new int[8], 0, 8))
                .isInstanceOf(CorruptParquetException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> RleBitPackedHybrid.decode(new byte[] {0x08, 0x01}, 0, 2, 1, new int[8], 0, 8))
                .isInstanceOf(CorruptParquetException.class).hasMessageContaining("ends after 4 of 8");
    }

    @Test
    @DisplayName("bit-packed runs of every width 1..20 round-trip, long runs included (word-at-a-time fast path)")
    void everyWidthRoundTrips() {
        java.util.Random random = new java.util.Random(42);
        for (int width = 1; width <= 20; width++) {
            int groups = 1 + random.nextInt(40);
            int[] values = new int[groups * 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(1 << width);
            }
            // Spec packing: values from the least significant bit of each byte, one header (groups << 1 | 1).
            byte[] data = new byte[1 + 1 + groups * width + 16];
            data[0] = (byte) (((groups << 1) | 1) & 0x7F | 0x80);
            data[1] = (byte) (((groups << 1) | 1) >>> 7);
            for (int i = 0; i < values.length; i++) {
                for (int b = 0; b < width; b++) {
                    long bit = (long) i * width + b;
                    if ((values[i] >>> b & 1) != 0) {
                        data[2 + (int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                    }
                }
            }
            int[] out = new int[values.length - 3];
            int end = RleBitPackedHybrid.decode(data, 0, 2 + groups * width, width, out, 0, out.length);
            assertThat(out).as("width %d", width).containsExactly(java.util.Arrays.copyOf(values, out.length));
            assertThat(end).isEqualTo(2 + groups * width);
        }
    }

    @Test
    @DisplayName("INT96 (nanos of day + Julian day) converts to epoch microseconds")
    void int96() {
        long julianDayOf20240301 = PlainValues.JULIAN_DAY_OF_EPOCH
                + java.time.LocalDate.of(2024, 3, 1).toEpochDay();
        long nanos = java.time.Duration.ofHours(13).plusNanos(123_456_789L).toNanos();
        long expected = java.time.Instant.parse("2024-03-01T13:00:00.123456Z").toEpochMilli() * 1000 + 456;
        assertThat(PlainValues.int96ToEpochMicros(nanos, (int) julianDayOf20240301)).isEqualTo(expected);
        assertThat(PlainValues.int96ToEpochMicros(0, (int) PlainValues.JULIAN_DAY_OF_EPOCH - 1))
                .isEqualTo(-86_400_000_000L);
    }
}
