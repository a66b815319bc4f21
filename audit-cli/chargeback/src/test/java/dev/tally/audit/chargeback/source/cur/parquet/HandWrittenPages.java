package dev.tally.audit.chargeback.source.cur.parquet;

import java.io.ByteArrayOutputStream;

/**
 * Builds uncompressed pages byte by byte (thrift compact PageHeader + body) for encodings DuckDB never writes
 * (legacy BIT_PACKED levels, RLE booleans, INT96, DELTA_BYTE_ARRAY), following parquet.thrift's field ids.
 */
final class HandWrittenPages {

    private static final int STRUCT_FIELD_5 = (2 << 4) | ThriftCompactReader.STRUCT; // after field 3: delta 2
    private static final int STRUCT_FIELD_7 = (4 << 4) | ThriftCompactReader.STRUCT; // after field 3: delta 4
    private static final int STRUCT_FIELD_8 = (5 << 4) | ThriftCompactReader.STRUCT; // after field 3: delta 5
    private static final int BOOL_FALSE_NEXT_FIELD = (1 << 4) | ThriftCompactReader.BOOLEAN_FALSE;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A v1 DATA_PAGE: {@code body} holds the levels (with their own framing) followed by the values. */
    HandWrittenPages dataPageV1(int numValues, int encoding, int definitionEncoding, byte[] body) {
        pageHeaderStart(0, body.length);
        out.write(STRUCT_FIELD_5);
        i32(numValues);
        i32(encoding);
        i32(definitionEncoding);
        i32(ParquetEncoding.RLE);
        out.write(0); // end of DataPageHeader
        out.write(0); // end of PageHeader
        out.writeBytes(body);
        return this;
    }

    /** A DICTIONARY_PAGE of PLAIN values. */
    HandWrittenPages dictionaryPage(int numValues, byte[] body) {
        pageHeaderStart(2, body.length);
        out.write(STRUCT_FIELD_7);
        i32(numValues);
        i32(ParquetEncoding.PLAIN);
        out.write(0); // end of DictionaryPageHeader
        out.write(0); // end of PageHeader
        out.writeBytes(body);
        return this;
    }

    /** PLAIN BYTE_ARRAY values: 4-byte little-endian length, then the UTF-8 bytes, for each. */
    static byte[] plainStrings(String... values) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (String value : values) {
            byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            plain.write(utf8.length);
            plain.write(utf8.length >>> 8);
            plain.write(utf8.length >>> 16);
            plain.write(utf8.length >>> 24);
            plain.writeBytes(utf8);
        }
        return plain.toByteArray();
    }

    /** A DATA_PAGE_V2 whose values are stored uncompressed; definition levels have no length prefix. */
    HandWrittenPages dataPageV2(int numValues, int numNulls, int encoding, byte[] definitionLevels, byte[] values) {
        pageHeaderStart(3, definitionLevels.length + values.length);
        out.write(STRUCT_FIELD_8);
        i32(numValues);
        i32(numNulls);
        i32(numValues); // num_rows of a flat column
        i32(encoding);
        i32(definitionLevels.length);
        i32(0);
        out.write(BOOL_FALSE_NEXT_FIELD); // field 7, is_compressed = false
        out.write(0); // end of DataPageHeaderV2
        out.write(0); // end of PageHeader
        out.writeBytes(definitionLevels);
        out.writeBytes(values);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Fields 1 (type), 2 (uncompressed size) and 3 (compressed size). */
    private void pageHeaderStart(int pageType, int size) {
        i32(pageType);
        i32(size);
        i32(size);
    }

    /** The next field (delta 1) as an i32. */
    private void i32(int value) {
        out.write((1 << 4) | ThriftCompactReader.I32);
        int zigzag = (value << 1) ^ (value >> 31);
        while ((zigzag & ~0x7F) != 0) {
            out.write((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        out.write(zigzag);
    }
}
