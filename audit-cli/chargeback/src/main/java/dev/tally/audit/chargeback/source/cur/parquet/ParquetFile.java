package dev.tally.audit.chargeback.source.cur.parquet;

import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.ChunkMetadata;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.RowGroup;
import io.airlift.compress.MalformedInputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Parquet file opened for column-chunk reads: the footer is parsed once at {@link #open}, then
 * {@link #read(int, ParquetColumn)} decodes one column of one row group into flat arrays (dictionary ids for
 * strings). Built for the CUR fast path: small, no Hadoop/Arrow dependency, and it refuses (with
 * {@link UnsupportedParquetException}) rather than guesses on anything it does not implement, so the caller can
 * fall back to DuckDB.
 *
 * <p>Thread-safe: the footer model is immutable and reads use positional {@link FileChannel} I/O with per-call
 * buffers, so several threads may read different (or the same) chunks at once. Memory per read is the chunk's
 * compressed bytes plus one page buffer plus the decoded arrays.
 *
 * <p>Supported: v1 and v2 data pages and dictionary pages (INDEX_PAGE and unknown page types are skipped; page
 * CRCs are not verified); codecs UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW; values encoded PLAIN,
 * PLAIN_DICTIONARY / RLE_DICTIONARY (for strings and numbers), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT (FLOAT, DOUBLE, INT32, INT64) and RLE booleans; levels RLE or legacy
 * BIT_PACKED; physical types BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE, BYTE_ARRAY. Unsupported (→
 * {@link UnsupportedParquetException}): FIXED_LEN_BYTE_ARRAY (wide decimals, UUID), DECIMAL on BYTE_ARRAY, codecs
 * LZO / BROTLI / legacy LZ4, encryption, chunks in other files, chunks over 2 GiB and pages over 256 MiB.
 *
 * <p>Corrupt or truncated input surfaces as an {@link IOException} naming the file (and column), never as an
 * unchecked index error.
 */
public final class ParquetFile implements AutoCloseable {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);
    /** "PAR1" at the start, and footer length + "PAR1" at the end. */
    private static final int MIN_FILE_SIZE = 12;
    /** Arrays are int-indexed; larger chunks would need splitting the caller does not expect. */
    private static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 64;

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final FileMetadata metadata;
    private final ParquetSchema schema;

    private ParquetFile(Path file, FileChannel channel, long fileSize, FileMetadata metadata, ParquetSchema schema) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
        this.metadata = metadata;
        this.schema = schema;
    }

    /**
     * Opens a file and parses its footer.
     *
     * @throws IOException                 when the file cannot be read, is not Parquet (bad magic) or its footer
     *                                     is corrupt; the message names the file and the problem
     * @throws UnsupportedParquetException for encrypted files and column chunks stored in other files
     */
    public static ParquetFile open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a Parquet file (pass the .parquet files inside it)");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such Parquet file (check the path)");
        }
        try {
            long size = channel.size();
            if (size < MIN_FILE_SIZE) {
                throw new IOException(file + " is not a Parquet file: " + size + " bytes is too short to hold the "
                        + "PAR1 header and footer");
            }
            byte[] head = readFully(channel, 0, 4);
            byte[] tail = readFully(channel, size - 8, 8);
            byte[] tailMagic = Arrays.copyOfRange(tail, 4, 8);
            if (Arrays.equals(tailMagic, ENCRYPTED_MAGIC)) {
                throw new UnsupportedParquetException("encrypted Parquet footer (PARE) in " + file);
            }
            if (!Arrays.equals(head, MAGIC) || !Arrays.equals(tailMagic, MAGIC)) {
                throw new IOException(file + " is not a Parquet file: it must start and end with the magic bytes "
                        + "PAR1 (is it truncated, or another format?)");
            }
            long footerLength = PlainValues.readInt(tail, 0) & 0xFFFFFFFFL;
            if (footerLength > size - MIN_FILE_SIZE) {
                throw new IOException("Corrupt Parquet file " + file + ": the footer claims " + footerLength
                        + " bytes but the file has " + size);
            }
            byte[] footer = readFully(channel, size - 8 - footerLength, (int) footerLength);
            FileMetadata metadata;
            ParquetSchema schema;
            try {
                metadata = FileMetadataParser.parse(footer);
                schema = ParquetSchema.of(metadata.schema());
            } catch (CorruptParquetException | IndexOutOfBoundsException e) {
                throw new IOException("Corrupt Parquet footer in " + file + ": " + e.getMessage(), e);
            }
            if (metadata.encrypted()) {
                throw new UnsupportedParquetException("encrypted Parquet file (plaintext footer) " + file);
            }
            validateRowGroups(file, metadata, schema);
            return new ParquetFile(file, channel, size, metadata, schema);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void validateRowGroups(Path file, FileMetadata metadata, ParquetSchema schema) throws IOException {
        int leaves = schema.leaves().size();
        for (int g = 0; g < metadata.rowGroups().size(); g++) {
            RowGroup group = metadata.rowGroups().get(g);
            if (group.columns().size() != leaves) {
                throw new IOException("Corrupt Parquet footer in " + file + ": row group " + g + " has "
                        + group.columns().size() + " column chunks for " + leaves + " leaf columns");
            }
            for (int c = 0; c < leaves; c++) {
                ChunkMetadata chunk = group.columns().get(c);
                ParquetColumn leaf = schema.leaves().get(c);
                if (chunk.encrypted()) {
                    throw new UnsupportedParquetException("encrypted column " + leaf.dottedPath() + " in " + file);
                }
                if (chunk.filePath() != null) {
                    throw new UnsupportedParquetException("column " + leaf.dottedPath() + " stored in another file ("
                            + chunk.filePath() + ") referenced by " + file);
                }
                if (chunk.type() != leaf.type().ordinal()) {
                    throw new IOException("Corrupt Parquet footer in " + file + ": column " + leaf.dottedPath()
                            + " has type " + PhysicalType.ofThrift(chunk.type()) + " in row group " + g
                            + " but " + leaf.type() + " in the schema");
                }
            }
        }
    }

    /** Total rows over all row groups, as the footer states. */
    public long rowCount() {
        return metadata.numRows();
    }

    /** Every leaf column, in file order ({@link ParquetColumn#index()} is the position in this list). */
    public List<ParquetColumn> leafColumns() {
        return schema.leaves();
    }

    /**
     * The first leaf whose path starts with the top-level field {@code top}: for a flat column, the column itself;
     * for a MAP use {@link #mapKey}/{@link #mapValue}. Empty when the file has no such field.
     */
    public Optional<ParquetColumn> column(String top) {
        return schema.column(top);
    }

    /**
     * The key leaf of the top-level MAP (or legacy MAP_KEY_VALUE) group {@code top}; empty if {@code top} is not a
     * map-shaped group (optional/required group, then one repeated group of exactly two leaves).
     */
    public Optional<ParquetColumn> mapKey(String top) {
        return schema.mapKey(top);
    }

    /** The value leaf of the map {@code top}; see {@link #mapKey}. */
    public Optional<ParquetColumn> mapValue(String top) {
        return schema.mapValue(top);
    }

    public int rowGroupCount() {
        return metadata.rowGroups().size();
    }

    /** Rows in one row group (= entries of each of its flat columns). */
    public long rowGroupRowCount(int rowGroup) {
        return group(rowGroup).numRows();
    }

    /**
     * Roughly how many heap bytes {@link #read} needs for this chunk: its compressed bytes plus four arrays of its
     * entry count (levels, ids or values, null flags). For sizing work before reading, not exact.
     */
    public long decodedSizeEstimate(int rowGroup, ParquetColumn column) {
        ChunkMetadata chunk = chunk(rowGroup, column);
        return chunk.totalCompressedSize() + chunk.numValues() * 21L;
    }

    /** The chunk's statistics, decoded; empty when the file wrote none for it. */
    public Optional<ColumnStatistics> statistics(int rowGroup, ParquetColumn column) {
        ChunkMetadata chunk = chunk(rowGroup, column);
        if (chunk.statistics() == null) {
            return Optional.empty();
        }
        return Optional.of(StatisticsDecoder.decode(chunk.statistics(), column.type(),
                schema.legacyStatisticsValid(column)));
    }

    /**
     * Reads and decodes one column chunk. Safe to call concurrently.
     *
     * @throws IOException                 on read failure or corrupt data (message names file, row group, column)
     * @throws UnsupportedParquetException for encodings, codecs or types this reader does not implement
     * @throws IllegalArgumentException    for a row group out of range or a column of another file
     */
    public ColumnChunk read(int rowGroup, ParquetColumn column) throws IOException {
        return read(rowGroup, column, null);
    }

    /**
     * {@link #read(int, ParquetColumn)} into a thread's reusable arrays: see {@link ReadBuffers} for how long the
     * chunk stays valid. {@code buffers} {@code null} reads into fresh arrays.
     */
    public ColumnChunk read(int rowGroup, ParquetColumn column, ReadBuffers buffers) throws IOException {
        ChunkMetadata chunk = chunk(rowGroup, column);
        String where = "column " + column.dottedPath() + ", row group " + rowGroup + " of " + file;
        long start = chunk.dictionaryPageOffset() > 0 ? chunk.dictionaryPageOffset() : chunk.dataPageOffset();
        long length = chunk.totalCompressedSize();
        if (length > MAX_CHUNK_BYTES) {
            throw new UnsupportedParquetException("column chunk of " + length + " bytes (over 2 GiB) in " + where);
        }
        if (chunk.numValues() > Integer.MAX_VALUE - 64) {
            throw new UnsupportedParquetException("column chunk of " + chunk.numValues() + " values in " + where);
        }
        if (column.maxRepetitionLevel() == 0 && chunk.numValues() != rowGroupRowCount(rowGroup)) {
            throw new IOException("Corrupt Parquet file: " + where + " holds " + chunk.numValues()
                    + " values for " + rowGroupRowCount(rowGroup) + " rows");
        }
        if (start < MAGIC.length || start + length > fileSize - 8) {
            throw new IOException("Corrupt Parquet file: " + where + " claims bytes " + start + ".." + (start + length)
                    + " outside the file's " + fileSize + " bytes");
        }
        ReadBuffers.ColumnArrays arrays = buffers == null ? null : buffers.column(column.dottedPath());
        PageDecompressor decompressor = arrays == null
                ? PageDecompressor.forCodec(chunk.codec(), column.dottedPath())
                : arrays.decompressor(chunk.codec(), column.dottedPath());
        int size = (int) length;
        byte[] bytes = readFully(channel, start, size, buffers == null ? new byte[size] : buffers.raw(size));
        try {
            ColumnChunkDecoder.checkPageValueCounts(bytes, 0, size, chunk.numValues());
            return new ColumnChunkDecoder(column, (int) chunk.numValues(), decompressor, arrays)
                    .decode(bytes, 0, size);
        } catch (CorruptParquetException | IndexOutOfBoundsException | NegativeArraySizeException
                | BufferUnderflowException | MalformedInputException e) {
            throw new IOException("Corrupt Parquet data in " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private RowGroup group(int rowGroup) {
        if (rowGroup < 0 || rowGroup >= metadata.rowGroups().size()) {
            throw new IllegalArgumentException("row group " + rowGroup + " does not exist: " + file + " has "
                    + metadata.rowGroups().size());
        }
        return metadata.rowGroups().get(rowGroup);
    }

    private ChunkMetadata chunk(int rowGroup, ParquetColumn column) {
        RowGroup group = group(rowGroup);
        List<ParquetColumn> leaves = schema.leaves();
        if (column.index() < 0 || column.index() >= leaves.size() || !leaves.get(column.index()).equals(column)) {
            throw new IllegalArgumentException("column " + column.dottedPath() + " is not a leaf of " + file);
        }
        return group.columns().get(column.index());
    }

    /** Positional reads: no shared channel position, so concurrent callers do not interfere. */
    private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        return readFully(channel, position, length, new byte[length]);
    }

    /** Reads {@code length} bytes into the start of {@code out} (which may be longer). */
    private static byte[] readFully(FileChannel channel, long position, int length, byte[] out) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(out, 0, length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new EOFException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return out;
    }
}
