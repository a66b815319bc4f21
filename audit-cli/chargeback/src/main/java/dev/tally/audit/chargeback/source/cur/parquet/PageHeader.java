package dev.tally.audit.chargeback.source.cur.parquet;

import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.I32;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.STRUCT;

/**
 * A parsed thrift {@code PageHeader}, flattened: which fields are meaningful depends on {@link #type}.
 *
 * @param type                   0 DATA_PAGE, 1 INDEX_PAGE, 2 DICTIONARY_PAGE, 3 DATA_PAGE_V2
 * @param numValues              entries (levels) in a data page, or values in a dictionary page
 * @param encoding               values encoding
 * @param definitionEncoding     v1 data pages only
 * @param repetitionEncoding     v1 data pages only
 * @param definitionLevelsLength v2 data pages only: bytes of (uncompressed) definition levels
 * @param repetitionLevelsLength v2 data pages only: bytes of (uncompressed) repetition levels
 * @param valuesCompressed       v2 data pages only: whether the values section is compressed (thrift default true)
 */
record PageHeader(int type, int uncompressedSize, int compressedSize, int numValues, int encoding,
        int definitionEncoding, int repetitionEncoding, int definitionLevelsLength, int repetitionLevelsLength,
        boolean valuesCompressed) {

    static final int DATA_PAGE = 0;
    static final int DICTIONARY_PAGE = 2;
    static final int DATA_PAGE_V2 = 3;

    /** Parses a header; the reader is left on the first byte of the page's body. */
    static PageHeader parse(ThriftCompactReader in) {
        Builder b = new Builder();
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> b.type = i32(in, type);
                case 2 -> b.uncompressedSize = i32(in, type);
                case 3 -> b.compressedSize = i32(in, type);
                case 5 -> dataPageHeader(in, type, b);
                case 7 -> dictionaryPageHeader(in, type, b);
                case 8 -> dataPageHeaderV2(in, type, b);
                default -> in.skip(type);
            }
        }
        if (b.type < 0 || b.uncompressedSize < 0 || b.compressedSize < 0) {
            throw new CorruptParquetException("page header lacks its type or sizes");
        }
        return new PageHeader(b.type, b.uncompressedSize, b.compressedSize, b.numValues, b.encoding,
                b.definitionEncoding, b.repetitionEncoding, b.definitionLevelsLength, b.repetitionLevelsLength,
                b.valuesCompressed);
    }

    private static void dataPageHeader(ThriftCompactReader in, int wireType, Builder b) {
        in.expect(wireType, STRUCT);
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> b.numValues = i32(in, type);
                case 2 -> b.encoding = i32(in, type);
                case 3 -> b.definitionEncoding = i32(in, type);
                case 4 -> b.repetitionEncoding = i32(in, type);
                default -> in.skip(type);
            }
        }
    }

    private static void dictionaryPageHeader(ThriftCompactReader in, int wireType, Builder b) {
        in.expect(wireType, STRUCT);
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> b.numValues = i32(in, type);
                case 2 -> b.encoding = i32(in, type);
                default -> in.skip(type);
            }
        }
    }

    private static void dataPageHeaderV2(ThriftCompactReader in, int wireType, Builder b) {
        in.expect(wireType, STRUCT);
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> b.numValues = i32(in, type);
                case 4 -> b.encoding = i32(in, type);
                case 5 -> b.definitionLevelsLength = i32(in, type);
                case 6 -> b.repetitionLevelsLength = i32(in, type);
                case 7 -> b.valuesCompressed = in.fieldBoolean();
                default -> in.skip(type);
            }
        }
    }

    private static int i32(ThriftCompactReader in, int type) {
        in.expect(type, I32);
        return in.readI32();
    }

    /** Mutable only while one header is parsed. */
    private static final class Builder {
        int type = -1;
        int uncompressedSize = -1;
        int compressedSize = -1;
        int numValues;
        int encoding;
        int definitionEncoding = ParquetEncoding.RLE;
        int repetitionEncoding = ParquetEncoding.RLE;
        int definitionLevelsLength;
        int repetitionLevelsLength;
        boolean valuesCompressed = true;
    }
}
