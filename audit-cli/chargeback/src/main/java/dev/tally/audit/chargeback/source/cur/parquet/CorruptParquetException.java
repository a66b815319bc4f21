package dev.tally.audit.chargeback.source.cur.parquet;

/**
 * Internal signal that bytes do not decode as Parquet says they should (truncated thrift, a page running past its
 * chunk, a dictionary id out of range). {@link ParquetFile} turns it into an {@link java.io.IOException} naming the
 * file and column, so callers only ever see checked I/O failures for corrupt input.
 */
final class CorruptParquetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorruptParquetException(String message) {
        super(message);
    }

    CorruptParquetException(String message, Throwable cause) {
        super(message, cause);
    }
}
