package dev.tally.audit.chargeback.source.cur.parquet;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses the pages of one column chunk read. Not thread-safe by design: each {@link ParquetFile#read} call
 * makes its own, so the output buffer can be reused page after page without locking.
 */
final class PageDecompressor {

    /**
     * Largest page this reader inflates. Writers cut pages at about 1 MiB; a far larger declared size is either a
     * corrupt header or a file better left to DuckDB, and must not trigger a huge allocation.
     */
    static final int MAX_PAGE_BYTES = 256 << 20;

    private final int codec;
    private final String columnName;
    private final Decompressor block;
    private byte[] buffer = new byte[0];

    private PageDecompressor(int codec, String columnName, Decompressor block) {
        this.codec = codec;
        this.columnName = columnName;
        this.block = block;
    }

    /** @throws UnsupportedParquetException for codecs other than UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW */
    static PageDecompressor forCodec(int codec, String columnName) {
        return switch (codec) {
            case ParquetEncoding.UNCOMPRESSED, ParquetEncoding.GZIP -> new PageDecompressor(codec, columnName, null);
            case ParquetEncoding.SNAPPY -> new PageDecompressor(codec, columnName, new SnappyDecompressor());
            case ParquetEncoding.ZSTD -> new PageDecompressor(codec, columnName, new ZstdDecompressor());
            case ParquetEncoding.LZ4_RAW -> new PageDecompressor(codec, columnName, new Lz4Decompressor());
            default -> throw new UnsupportedParquetException(
                    "compression " + ParquetEncoding.codecName(codec) + " in column " + columnName);
        };
    }

    boolean isUncompressed() {
        return codec == ParquetEncoding.UNCOMPRESSED;
    }

    /**
     * Decompresses {@code length} bytes into the reused buffer.
     *
     * @return the buffer, holding exactly {@code uncompressedSize} valid bytes from index 0 (it may be longer)
     */
    byte[] decompress(byte[] in, int offset, int length, int uncompressedSize) {
        if (uncompressedSize < 0) {
            throw new CorruptParquetException("page declares a negative uncompressed size");
        }
        if (uncompressedSize > MAX_PAGE_BYTES) {
            throw new UnsupportedParquetException("page of " + uncompressedSize + " bytes uncompressed (over "
                    + (MAX_PAGE_BYTES >> 20) + " MiB) in column " + columnName);
        }
        if (buffer.length < uncompressedSize) {
            buffer = new byte[Math.max(uncompressedSize, buffer.length + (buffer.length >> 1))];
        }
        int produced;
        try {
            produced = block != null
                    ? block.decompress(in, offset, length, buffer, 0, uncompressedSize)
                    : gunzip(in, offset, length, uncompressedSize);
        } catch (MalformedInputException e) {
            throw new CorruptParquetException(ParquetEncoding.codecName(codec) + " page does not decompress: "
                    + e.getMessage(), e);
        }
        if (produced != uncompressedSize) {
            throw new CorruptParquetException(ParquetEncoding.codecName(codec) + " page decompressed to " + produced
                    + " bytes, its header says " + uncompressedSize);
        }
        return buffer;
    }

    private int gunzip(byte[] in, int offset, int length, int uncompressedSize) {
        // Parquet GZIP pages are complete gzip members (header + deflate + trailer), which GZIPInputStream checks.
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
            int produced = gzip.readNBytes(buffer, 0, uncompressedSize);
            if (gzip.read() != -1) {
                throw new CorruptParquetException("GZIP page inflates past the " + uncompressedSize
                        + " bytes its header declares");
            }
            return produced;
        } catch (IOException e) {
            throw new CorruptParquetException("GZIP page does not decompress: " + e.getMessage(), e);
        }
    }
}
