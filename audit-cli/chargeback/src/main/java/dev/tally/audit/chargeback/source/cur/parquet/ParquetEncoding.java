package dev.tally.audit.chargeback.source.cur.parquet;

/** Thrift {@code Encoding} and {@code CompressionCodec} numbers, and their names for messages. */
final class ParquetEncoding {

    static final int PLAIN = 0;
    static final int PLAIN_DICTIONARY = 2;
    static final int RLE = 3;
    static final int BIT_PACKED = 4;
    static final int DELTA_BINARY_PACKED = 5;
    static final int DELTA_LENGTH_BYTE_ARRAY = 6;
    static final int DELTA_BYTE_ARRAY = 7;
    static final int RLE_DICTIONARY = 8;
    static final int BYTE_STREAM_SPLIT = 9;

    static final int UNCOMPRESSED = 0;
    static final int SNAPPY = 1;
    static final int GZIP = 2;
    static final int ZSTD = 6;
    static final int LZ4_RAW = 7;

    private static final String[] ENCODINGS = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
        "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
    private static final String[] CODECS = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD",
        "LZ4_RAW"};

    private ParquetEncoding() {}

    static String encodingName(int encoding) {
        return encoding >= 0 && encoding < ENCODINGS.length ? ENCODINGS[encoding] : "#" + encoding;
    }

    static String codecName(int codec) {
        return codec >= 0 && codec < CODECS.length ? CODECS[codec] : "#" + codec;
    }

    static boolean isDictionary(int encoding) {
        return encoding == PLAIN_DICTIONARY || encoding == RLE_DICTIONARY;
    }
}
