package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ParquetFile refuses what it cannot read with one clear exception, never an index error")
class ParquetFileFailuresTest {

    private static final String ROWS = """
            SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE 'svc-' || (i % 9) END AS product,
                   'r-' || i AS resource,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS cost,
                   i::BIGINT AS usage_id,
                   MAP {'team': 't' || (i % 4)} AS resource_tags
            FROM range(6000) t(i)
            """;

    @TempDir
    static Path dir;
    private DuckDbParquet duck;
    private Path good;

    @BeforeAll
    void writeFile() throws Exception {
        duck = new DuckDbParquet();
        good = duck.write(dir.resolve("good.parquet"), ROWS, "COMPRESSION snappy, ROW_GROUP_SIZE 2048");
    }

    @AfterAll
    void close() throws Exception {
        duck.close();
    }

    @Test
    @DisplayName("a values encoding it does not implement (BIT_PACKED patched into a page header) is "
            + "UnsupportedParquetException naming encoding and column")
    void unsupportedEncoding() throws Exception {
        Path file = duck.write(dir.resolve("plain.parquet"), "SELECT 'r-' || i AS resource FROM range(5000) t(i)",
                "COMPRESSION uncompressed");
        long pageOffset = ((Number) duck.rows("SELECT data_page_offset FROM parquet_metadata('" + file
                + "') WHERE path_in_schema = 'resource'").get(0)[0]).longValue();
        byte[] bytes = Files.readAllBytes(file);
        int encodingByte = dataPageEncodingPosition(bytes, (int) pageOffset);
        assertThat(bytes[encodingByte]).as("zigzag varint of PLAIN").isEqualTo((byte) 0);
        bytes[encodingByte] = 8; // zigzag varint of 4, BIT_PACKED: valid only for levels
        Path patched = Files.write(dir.resolve("bit-packed-values.parquet"), bytes);
        try (ParquetFile parquet = ParquetFile.open(patched)) {
            ParquetColumn column = parquet.column("resource").orElseThrow();
            assertThatThrownBy(() -> parquet.read(0, column))
                    .isInstanceOf(UnsupportedParquetException.class)
                    .hasMessage("encoding BIT_PACKED in column resource");
        }
    }

    @Test
    @DisplayName("a codec it does not implement (BROTLI) is UnsupportedParquetException naming codec and column")
    void unsupportedCodec() throws Exception {
        Path file = duck.write(dir.resolve("brotli.parquet"), "SELECT i::BIGINT AS usage_id FROM range(100) t(i)",
                "COMPRESSION brotli");
        try (ParquetFile parquet = ParquetFile.open(file)) {
            ParquetColumn column = parquet.column("usage_id").orElseThrow();
            assertThatThrownBy(() -> parquet.read(0, column))
                    .isInstanceOf(UnsupportedParquetException.class)
                    .hasMessage("compression BROTLI in column usage_id");
        }
    }

    /** Walks the thrift PageHeader at {@code offset} to its DataPageHeader.encoding value byte. */
    private static int dataPageEncodingPosition(byte[] bytes, int offset) {
        ThriftCompactReader in = new ThriftCompactReader(bytes, offset, bytes.length);
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            if (last != 5) {
                in.skip(in.fieldType());
                continue;
            }
            int inner = 0;
            while (in.nextField(inner)) {
                inner = in.fieldId();
                if (inner == 2) {
                    return in.position();
                }
                in.skip(in.fieldType());
            }
        }
        throw new AssertionError("no data page header at " + offset);
    }

    @Test
    @DisplayName("a file cut short is an IOException that says it is not (or no longer) a Parquet file")
    void truncatedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> ParquetFile.open(cut))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("is not a Parquet file")
                .hasMessageContaining("truncated");
    }

    @Test
    @DisplayName("a CSV file and a tiny file are rejected by their magic bytes")
    void notParquet() throws Exception {
        Path csv = Files.writeString(dir.resolve("cur.csv"), "identity_line_item_id,cost\nabc,1.0\nxyz,2.0\n");
        assertThatThrownBy(() -> ParquetFile.open(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a Parquet file");
        Path tiny = Files.writeString(dir.resolve("tiny.parquet"), "PAR1");
        assertThatThrownBy(() -> ParquetFile.open(tiny)).isInstanceOf(IOException.class)
                .hasMessageContaining("too short");
    }

    @Test
    @DisplayName("a missing file is a NoSuchFileException that names the path and says what was expected")
    void missingFile() {
        Path missing = dir.resolve("no-such-cur.parquet");
        assertThatThrownBy(() -> ParquetFile.open(missing)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessage(missing + ": no such Parquet file (check the path)");
    }

    @Test
    @DisplayName("a directory is an IOException that says to pass the files inside it")
    void directory() {
        assertThatThrownBy(() -> ParquetFile.open(dir)).isInstanceOf(IOException.class)
                .hasMessage(dir + " is a directory, not a Parquet file (pass the .parquet files inside it)");
    }

    @Test
    @DisplayName("an encrypted footer (PARE) is UnsupportedParquetException")
    void encryptedFooter() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        System.arraycopy("PARE".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 4, 4);
        Path encrypted = Files.write(dir.resolve("encrypted.parquet"), bytes);
        assertThatThrownBy(() -> ParquetFile.open(encrypted)).isInstanceOf(UnsupportedParquetException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    @DisplayName("a footer of garbage is an IOException naming the file, not a parser crash")
    void garbageFooter() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        int footerLength = (bytes[bytes.length - 8] & 0xFF) | (bytes[bytes.length - 7] & 0xFF) << 8
                | (bytes[bytes.length - 6] & 0xFF) << 16;
        Arrays.fill(bytes, bytes.length - 8 - footerLength, bytes.length - 8, (byte) 0x19);
        Path garbage = Files.write(dir.resolve("garbage.parquet"), bytes);
        assertThatThrownBy(() -> ParquetFile.open(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining("Corrupt Parquet footer in " + garbage);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"COMPRESSION snappy", "COMPRESSION uncompressed, PARQUET_VERSION v2"})
    @DisplayName("500 randomly corrupted copies: every outcome is a result, IOException or UnsupportedParquetException")
    void randomCorruptionNeverEscapesAsAnUncheckedError(String options) throws Exception {
        Path source = duck.write(dir.resolve("fuzz-source.parquet"), ROWS, options + ", ROW_GROUP_SIZE 2048");
        byte[] original = Files.readAllBytes(source);
        Random random = new Random(20_240_301L);
        Path copy = dir.resolve("fuzzed.parquet");
        int rejected = 0;
        for (int round = 0; round < 500; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[4 + random.nextInt(bytes.length - 12)] = (byte) random.nextInt(256);
            }
            Files.write(copy, bytes);
            try (ParquetFile parquet = ParquetFile.open(copy)) {
                for (int g = 0; g < parquet.rowGroupCount(); g++) {
                    for (ParquetColumn column : parquet.leafColumns()) {
                        parquet.read(g, column);
                        parquet.statistics(g, column);
                    }
                }
            } catch (IOException | UnsupportedParquetException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException unexpected) {
                fail("round " + round + " escaped as " + unexpected, unexpected);
            }
        }
        // Flips in headers, levels, lengths and compressed data must be noticed (flips inside raw string or number
        // bytes legitimately decode to other values): make sure the failure paths were really exercised.
        assertThat(rejected).isGreaterThan(50);
    }

    @Test
    @DisplayName("a row group or column that does not belong to the file is an IllegalArgumentException")
    void wrongArguments() throws Exception {
        try (ParquetFile parquet = ParquetFile.open(good)) {
            ParquetColumn product = parquet.column("product").orElseThrow();
            assertThatThrownBy(() -> parquet.read(parquet.rowGroupCount(), product))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row group");
            ParquetColumn foreign = new ParquetColumn(java.util.List.of("other"), PhysicalType.INT64,
                    LogicalKind.NONE, 0, 0, null, 1, 0, product.index());
            assertThatThrownBy(() -> parquet.read(0, foreign))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a leaf");
        }
    }
}
