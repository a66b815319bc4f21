package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Delta encodings decode parquet-format's Encodings.md examples")
class DeltaEncodingsTest {

    @Test
    @DisplayName("DELTA_BINARY_PACKED 1..5: one block, min delta 1, all miniblock widths 0")
    void deltaOfConstantStep() {
        byte[] data = {(byte) 0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0};
        long[] out = new long[5];
        assertThat(DeltaBinaryPacked.decode(data, 0, data.length, out, 0, 5)).isEqualTo(data.length);
        assertThat(out).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("DELTA_BINARY_PACKED 7,5,3,1,2,3,4,5: min delta -2, relative deltas packed at width 2")
    void deltaWithNegativeMinimum() {
        byte[] data = {(byte) 0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0, 0, 0, (byte) 0xC0, 0x3F, 0, 0, 0, 0, 0, 0,
            0x7F};
        long[] out = new long[10];
        int end = DeltaBinaryPacked.decode(data, 0, data.length, out, 2, 8);
        assertThat(end).as("position after the 8-byte miniblock, before trailing data").isEqualTo(18);
        assertThat(java.util.Arrays.copyOfRange(out, 2, 10)).containsExactly(7, 5, 3, 1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("DELTA_BYTE_ARRAY axis, axle, babble, babyhood: prefixes 0,2,0,3 and suffixes axis, le, babble, yhood")
    void frontCodedStrings() {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        // prefix lengths 0,2,0,3: first 0, deltas 2,-2,3 -> min -2 (zigzag 3), relative 4,0,5 at width 3
        page.writeBytes(new byte[] {(byte) 0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 0x03, 0, 0, 0});
        page.writeBytes(new byte[] {0x44, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        // suffix lengths 4,2,6,5: first 4 (zigzag 8), deltas -2,4,-1 -> min -2, relative 0,6,1 at width 3
        page.writeBytes(new byte[] {(byte) 0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 0x03, 0, 0, 0});
        page.writeBytes(new byte[] {0x70, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        page.writeBytes("axislebabbleyhood".getBytes(StandardCharsets.UTF_8));
        byte[] data = page.toByteArray();
        StringDictionary strings = new StringDictionary();
        int[] ids = new int[4];
        DeltaByteArrays.decodeIncremental(data, 0, data.length, strings, ids, 0, 4);
        assertThat(strings.toArray()).containsExactly("axis", "axle", "babble", "babyhood");
        assertThat(ids).containsExactly(0, 1, 2, 3);
    }

    @Test
    @DisplayName("a delta header that claims fewer values than the page needs is corrupt, not read past")
    void headerWithTooFewValues() {
        byte[] data = {(byte) 0x80, 0x01, 0x04, 0x02, 0x02, 0x02, 0, 0, 0, 0};
        assertThatThrownBy(() -> DeltaBinaryPacked.decode(data, 0, data.length, new long[5], 0, 5))
                .isInstanceOf(CorruptParquetException.class).hasMessageContaining("header is invalid");
    }
}
