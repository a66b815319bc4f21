package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ParquetFile decodes what DuckDB wrote exactly as DuckDB reads it back")
class ParquetFileValuesTest {

    /** 30k rows over 3 row groups: NULLs, empty strings, low-cardinality (dictionary) and unique (PLAIN) strings. */
    private static final String ROWS = """
            SELECT
              CASE WHEN i % 11 = 0 THEN NULL WHEN i % 11 = 1 THEN '' ELSE 'svc-' || (i % 23) END AS product,
              CASE WHEN i % 13 = 0 THEN NULL ELSE 'arn:aws:ec2:us-east-1:123:instance/i-' || i END AS resource,
              CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.37)::DOUBLE - 1000 END AS cost,
              CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 1.25 - 7)::DECIMAL(9,2) END AS small_amount,
              ((i - 15000) * 1234.5678)::DECIMAL(18,4) AS big_amount,
              CASE WHEN i % 17 = 0 THEN NULL ELSE i * 1000003 - 99 END::BIGINT AS usage_id,
              i::INTEGER AS seq,
              TIMESTAMP '2024-03-01 00:00:00' + INTERVAL (i * 61) SECOND AS usage_start,
              CASE WHEN i % 3 = 0 THEN NULL
                   ELSE TIMESTAMPTZ '2024-03-01 00:00:00+00' + INTERVAL (i * 7) MINUTE END AS billed_at,
              DATE '2024-01-01' + (i % 400)::INTEGER AS usage_date,
              (i % 3 = 0) AS is_credit,
              (i / 8.0)::FLOAT AS ratio,
              CASE WHEN i % 19 = 0 THEN NULL ELSE (i % 50) - 10 END::BIGINT AS pricing_tier,
              CASE WHEN i % 23 = 0 THEN NULL ELSE (i % 20) * 0.5 END::DOUBLE AS rate,
              '1234567' || lpad(((i * 7919) % 600)::VARCHAR, 5, '0') AS usage_account
            FROM range(30000) t(i)
            """;

    @TempDir
    Path dir;
    private DuckDbParquet duck;

    @BeforeAll
    void startDuckDb() throws Exception {
        duck = new DuckDbParquet();
    }

    @AfterAll
    void stopDuckDb() throws Exception {
        duck.close();
    }

    static Stream<Arguments> v1Codecs() {
        return Stream.of("snappy", "zstd", "gzip", "uncompressed", "lz4_raw").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Codecs")
    @DisplayName("v1 pages: every column of every row group equals DuckDB's values, for each supported codec")
    void everyColumnMatchesDuckDb(String codec) throws Exception {
        Path file = duck.write(dir.resolve("v1-" + codec + ".parquet"), ROWS,
                "COMPRESSION " + codec + ", ROW_GROUP_SIZE 10000");
        List<Object[]> dictionaryNumbers = duck.rows("SELECT path_in_schema FROM parquet_metadata('" + file
                + "') WHERE path_in_schema IN ('pricing_tier', 'rate', 'usage_account') "
                + "AND encodings LIKE '%DICTIONARY%'");
        assertThat(dictionaryNumbers).as("numeric and 10-bit-id dictionary pages are exercised").hasSize(9);
        try (ParquetFile parquet = ParquetFile.open(file)) {
            assertThat(parquet.rowGroupCount()).isEqualTo(3);
            assertMatchesDuckDb(parquet, file);
        }
    }

    static Stream<Arguments> v2Codecs() {
        return Stream.of("zstd", "snappy", "uncompressed").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2Codecs")
    @DisplayName("v2 pages (uncompressed levels; DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT, DELTA_LENGTH_BYTE_ARRAY "
            + "values): every column equals DuckDB's values")
    void v2PagesMatchDuckDb(String codec) throws Exception {
        Path file = duck.write(dir.resolve("v2-" + codec + ".parquet"), ROWS,
                "COMPRESSION " + codec + ", ROW_GROUP_SIZE 10000, PARQUET_VERSION v2");
        String encodings = duck.rows("SELECT string_agg(DISTINCT encodings, ',') FROM parquet_metadata('" + file
                + "')").get(0)[0].toString();
        assertThat(encodings).contains("DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT", "DELTA_LENGTH_BYTE_ARRAY");
        try (ParquetFile parquet = ParquetFile.open(file)) {
            assertMatchesDuckDb(parquet, file);
        }
    }

    @Test
    @DisplayName("a column DuckDB dictionary-encodes in one row group and writes PLAIN in another reads the same")
    void dictionaryAndPlainChunksInOneFile() throws Exception {
        String select = "SELECT CASE WHEN i < 10000 THEN 'team-' || (i % 5) ELSE 'unique-' || i END AS team "
                + "FROM range(20000) t(i)";
        Path file = duck.write(dir.resolve("mixed.parquet"), select, "ROW_GROUP_SIZE 10000");
        List<Object[]> encodings = duck.rows("SELECT row_group_id, encodings FROM parquet_metadata('" + file
                + "') ORDER BY row_group_id");
        assertThat(encodings.get(0)[1].toString()).contains("DICTIONARY");
        assertThat(encodings.get(1)[1].toString()).doesNotContain("DICTIONARY");
        try (ParquetFile parquet = ParquetFile.open(file)) {
            assertThat(DuckDbParquet.decodeFlat(parquet, "team")).isEqualTo(duck.column(file, "team"));
            ColumnChunk dictionaryChunk = parquet.read(0, parquet.column("team").orElseThrow());
            Object distinct = duck.rows("SELECT count(DISTINCT team) FROM read_parquet('" + file
                    + "', file_row_number = true) WHERE file_row_number < " + parquet.rowGroupRowCount(0)).get(0)[0];
            assertThat((long) dictionaryChunk.dictionary().length).isEqualTo(((Number) distinct).longValue());
        }
    }

    @Test
    @DisplayName("PLAIN strings are interned: one dictionary entry per distinct value, equal ids for equal values")
    void plainStringsAreInterned() throws Exception {
        Path file = duck.write(dir.resolve("interned.parquet"),
                "SELECT 'acct-' || (i % 3000) AS account FROM range(12000) t(i)",
                "COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 100");
        try (ParquetFile parquet = ParquetFile.open(file)) {
            ColumnChunk chunk = parquet.read(0, parquet.column("account").orElseThrow());
            assertThat(chunk.dictionary()).hasSize(3000).doesNotHaveDuplicates();
            assertThat(chunk.ids()[0]).isEqualTo(chunk.ids()[3000]).isNotEqualTo(chunk.ids()[1]);
            assertThat(DuckDbParquet.decodeFlat(parquet, "account")).isEqualTo(duck.column(file, "account"));
        }
    }

    private void assertMatchesDuckDb(ParquetFile parquet, Path file) throws Exception {
        assertThat(DuckDbParquet.decodeFlat(parquet, "product")).isEqualTo(duck.column(file, "product"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "resource")).isEqualTo(duck.column(file, "resource"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "cost")).isEqualTo(duck.column(file, "cost"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "usage_id")).isEqualTo(duck.column(file, "usage_id"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "seq")).isEqualTo(duck.column(file, "seq::BIGINT"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "usage_start"))
                .isEqualTo(duck.column(file, "epoch_us(usage_start)"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "billed_at")).isEqualTo(duck.column(file, "epoch_us(billed_at)"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "usage_date"))
                .isEqualTo(duck.column(file, "(usage_date - DATE '1970-01-01')::BIGINT"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "is_credit")).isEqualTo(duck.column(file, "is_credit::INT::BIGINT"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "ratio")).isEqualTo(duck.column(file, "ratio::DOUBLE"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "pricing_tier")).isEqualTo(duck.column(file, "pricing_tier"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "rate")).isEqualTo(duck.column(file, "rate"));
        assertThat(DuckDbParquet.decodeFlat(parquet, "usage_account")).isEqualTo(duck.column(file, "usage_account"));
        assertDecimalsMatch(parquet, file, "small_amount");
        assertDecimalsMatch(parquet, file, "big_amount");
    }

    private void assertDecimalsMatch(ParquetFile parquet, Path file, String name) throws Exception {
        ParquetColumn column = parquet.column(name).orElseThrow();
        List<Object> unscaled = DuckDbParquet.decodeFlat(parquet, name);
        List<BigDecimal> decoded = unscaled.stream()
                .map(v -> v == null ? null : BigDecimal.valueOf((Long) v, column.scale()))
                .toList();
        assertThat(decoded).isEqualTo(duck.column(file, name));
    }
}
