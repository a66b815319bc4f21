package dev.tally.audit.chargeback.source.cur.parquet;

/**
 * Thrown for a Parquet feature this reader deliberately does not handle (an encoding, a codec, encryption, column
 * chunks in another file, ...). The file itself may be perfectly valid: the caller is expected to fall back to
 * DuckDB. The message names the feature and, where there is one, the column, e.g.
 * {@code "encoding DELTA_BYTE_ARRAY in column line_item_product_code"}.
 */
public final class UnsupportedParquetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the unsupported feature and the column it occurs in */
    public UnsupportedParquetException(String message) {
        super(message);
    }
}
