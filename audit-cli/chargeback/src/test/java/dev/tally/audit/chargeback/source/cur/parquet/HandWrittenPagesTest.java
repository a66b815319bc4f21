package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pages other writers produce (parquet-mr, Spark, Hive) decode per the spec")
class HandWrittenPagesTest {

    @Test
    @DisplayName("a v1 page of INT96 timestamps (Hive/Spark style) decodes to epoch microseconds")
    void int96Page() {
        Instant first = Instant.parse("2024-03-01T13:45:30.123456Z");
        Instant second = Instant.parse("1969-12-31T23:59:59.999999Z");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(int96(first));
        body.writeBytes(int96(second));
        ColumnChunk chunk = decode(column(PhysicalType.INT96, 0),
                new HandWrittenPages().dataPageV1(2, ParquetEncoding.PLAIN, ParquetEncoding.RLE, body.toByteArray()),
                2);
        assertThat(chunk.longs()).containsExactly(micros(first), micros(second));
        assertThat(chunk.nulls()).isNull();
    }

    @Test
    @DisplayName("a v1 page with legacy BIT_PACKED definition levels places values on the defined entries")
    void legacyBitPackedLevels() {
        // levels 1,0,1,1,0 at width 1, MSB first: 10110000; then PLAIN INT32 values 7, -3, 42
        byte[] body = {(byte) 0b1011_0000, 7, 0, 0, 0, (byte) 0xFD, -1, -1, -1, 42, 0, 0, 0};
        ColumnChunk chunk = decode(column(PhysicalType.INT32, 1),
                new HandWrittenPages().dataPageV1(5, ParquetEncoding.PLAIN, ParquetEncoding.BIT_PACKED, body), 5);
        assertThat(chunk.longs()).containsExactly(7, 0, -3, 42, 0);
        assertThat(chunk.nulls()).containsExactly(false, true, false, false, true);
        assertThat(chunk.definitionLevels()).containsExactly(1, 0, 1, 1, 0);
    }

    @Test
    @DisplayName("a v2 page of RLE booleans (4-byte length prefix) with a NULL decodes to 0/1")
    void rleBooleansInV2Page() {
        // definition levels 1,1,0,1 : bit-packed group (header 0x03) LSB first 1011 -> 0b00001011
        byte[] levels = {0x03, 0b0000_1011};
        // values true,false,true: bit-packed group LSB first 101 -> 0b00000101, prefixed by its length 2
        byte[] values = {2, 0, 0, 0, 0x03, 0b0000_0101};
        ColumnChunk chunk = decode(column(PhysicalType.BOOLEAN, 1),
                new HandWrittenPages().dataPageV2(4, 1, ParquetEncoding.RLE, levels, values), 4);
        assertThat(chunk.longs()).containsExactly(1, 0, 0, 1);
        assertThat(chunk.nulls()).containsExactly(false, false, true, false);
    }

    @Test
    @DisplayName("a v1 page of DELTA_BYTE_ARRAY strings (front coded) decodes through the chunk dictionary")
    void deltaByteArrayPage() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 0x03, 0, 0, 0});
        body.writeBytes(new byte[] {0x44, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        body.writeBytes(new byte[] {(byte) 0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 0x03, 0, 0, 0});
        body.writeBytes(new byte[] {0x70, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        body.writeBytes("axislebabbleyhood".getBytes(StandardCharsets.UTF_8));
        ColumnChunk chunk = decode(column(PhysicalType.BYTE_ARRAY, 0), new HandWrittenPages().dataPageV1(4,
                ParquetEncoding.DELTA_BYTE_ARRAY, ParquetEncoding.RLE, body.toByteArray()), 4);
        assertThat(chunk.ids()).containsExactly(0, 1, 2, 3);
        assertThat(chunk.dictionary()).containsExactly("axis", "axle", "babble", "babyhood");
    }

    @Test
    @DisplayName("a dictionary that overflows into PLAIN pages (parquet-mr fallback) keeps one id per distinct value")
    void dictionaryFallbackToPlain() {
        byte[] dictionary = HandWrittenPages.plainStrings("AmazonEC2", "AmazonS3");
        // RLE_DICTIONARY ids 1,0,1: bit width 1, then bit-packed group (header 0x03) LSB first 101 -> 0b00000101
        byte[] dictionaryIds = {0x01, 0x03, 0b0000_0101};
        byte[] plain = HandWrittenPages.plainStrings("AWSLambda", "AmazonS3", "AWSLambda", "");
        HandWrittenPages pages = new HandWrittenPages()
                .dictionaryPage(2, dictionary)
                .dataPageV1(3, ParquetEncoding.RLE_DICTIONARY, ParquetEncoding.RLE, dictionaryIds)
                .dataPageV1(4, ParquetEncoding.PLAIN, ParquetEncoding.RLE, plain);
        ColumnChunk chunk = decode(column(PhysicalType.BYTE_ARRAY, 0), pages, 7);
        assertThat(chunk.dictionary()).containsExactly("AmazonEC2", "AmazonS3", "AWSLambda", "");
        assertThat(chunk.ids()).containsExactly(1, 0, 1, 2, 1, 2, 3);
    }

    @Test
    @DisplayName("page value counts are checked against the chunk metadata before any entry array is allocated")
    void valueCountsCheckedBeforeAllocation() {
        byte[] pages = new HandWrittenPages()
                .dictionaryPage(2, HandWrittenPages.plainStrings("a", "b"))
                .dataPageV1(3, ParquetEncoding.RLE_DICTIONARY, ParquetEncoding.RLE, new byte[] {0x01, 0x03, 0x05})
                .dataPageV1(1, ParquetEncoding.PLAIN, ParquetEncoding.RLE, HandWrittenPages.plainStrings("c"))
                .bytes();
        ColumnChunkDecoder.checkPageValueCounts(pages, 0, pages.length, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ColumnChunkDecoder.checkPageValueCounts(pages, 0, pages.length, 1_500_000_000L))
                .isInstanceOf(CorruptParquetException.class)
                .hasMessage("the pages hold 4 values, the chunk metadata says 1500000000");
    }

    private static ColumnChunk decode(ParquetColumn column, HandWrittenPages pages, int entries) {
        byte[] bytes = pages.bytes();
        return new ColumnChunkDecoder(column, entries, PageDecompressor.forCodec(ParquetEncoding.UNCOMPRESSED,
                column.dottedPath())).decode(bytes, 0, bytes.length);
    }

    private static ParquetColumn column(PhysicalType type, int maxDefinitionLevel) {
        return new ParquetColumn(List.of("c"), type, LogicalKind.NONE, 0, 0, null, maxDefinitionLevel, 0, 0);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /** 8 bytes little-endian nanos of the day, then 4 bytes little-endian Julian day. */
    private static byte[] int96(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        long nanosOfDay = (instant.getEpochSecond() - epochDay * 86_400L) * 1_000_000_000L + instant.getNano();
        long julianDay = epochDay + PlainValues.JULIAN_DAY_OF_EPOCH;
        byte[] out = new byte[12];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (nanosOfDay >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            out[8 + i] = (byte) (julianDay >>> (8 * i));
        }
        return out;
    }
}
