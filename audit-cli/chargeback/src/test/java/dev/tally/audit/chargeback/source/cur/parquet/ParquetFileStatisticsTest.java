package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ParquetFile.statistics decodes each chunk's bounds and null count as DuckDB reports them")
class ParquetFileStatisticsTest {

    @TempDir
    static Path dir;
    private DuckDbParquet duck;
    private Path file;
    private ParquetFile parquet;

    @BeforeAll
    void writeFile() throws Exception {
        duck = new DuckDbParquet();
        file = duck.write(dir.resolve("stats.parquet"), """
                SELECT CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 37) % 5000 - 2500 END::BIGINT AS usage_id,
                       CASE WHEN i % 4 = 0 THEN NULL ELSE i / 3.0 - 50 END::DOUBLE AS cost,
                       (i % 1000)::INTEGER AS hour,
                       CASE WHEN i % 6 = 0 THEN NULL ELSE 'p' || (i % 10) END AS product
                FROM range(9000) t(i)
                """, "ROW_GROUP_SIZE 3000");
        parquet = ParquetFile.open(file);
    }

    @AfterAll
    void close() throws Exception {
        parquet.close();
        duck.close();
    }

    @Test
    @DisplayName("integer bounds and null counts per row group equal parquet_metadata's")
    void integerBounds() throws Exception {
        for (String name : List.of("usage_id", "hour")) {
            ParquetColumn column = parquet.column(name).orElseThrow();
            for (Object[] row : metadata(name)) {
                ColumnStatistics stats = parquet.statistics(((Number) row[0]).intValue(), column).orElseThrow();
                assertThat(stats.minLong()).hasValue(Long.parseLong(row[1].toString()));
                assertThat(stats.maxLong()).hasValue(Long.parseLong(row[2].toString()));
                assertThat(stats.nullCount()).isEqualTo(((Number) row[3]).longValue());
                assertThat(stats.minDouble()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("double bounds and null counts per row group equal parquet_metadata's")
    void doubleBounds() throws Exception {
        ParquetColumn column = parquet.column("cost").orElseThrow();
        for (Object[] row : metadata("cost")) {
            ColumnStatistics stats = parquet.statistics(((Number) row[0]).intValue(), column).orElseThrow();
            assertThat(stats.minDouble()).hasValue(Double.parseDouble(row[1].toString()));
            assertThat(stats.maxDouble()).hasValue(Double.parseDouble(row[2].toString()));
            assertThat(stats.nullCount()).isEqualTo(((Number) row[3]).longValue()).isPositive();
            assertThat(stats.minLong()).isEmpty();
        }
    }

    @Test
    @DisplayName("string chunks report their null count but no numeric bounds")
    void stringChunks() throws Exception {
        ParquetColumn column = parquet.column("product").orElseThrow();
        for (Object[] row : metadata("product")) {
            ColumnStatistics stats = parquet.statistics(((Number) row[0]).intValue(), column).orElseThrow();
            assertThat(stats.nullCount()).isEqualTo(((Number) row[3]).longValue()).isPositive();
            assertThat(stats.minLong()).isEmpty();
            assertThat(stats.minDouble()).isEmpty();
        }
    }

    private List<Object[]> metadata(String column) throws Exception {
        List<Object[]> rows = duck.rows("SELECT row_group_id, stats_min_value, stats_max_value, stats_null_count "
                + "FROM parquet_metadata('" + file + "') WHERE path_in_schema = '" + column
                + "' ORDER BY row_group_id");
        assertThat(rows).hasSize(3);
        return rows;
    }
}
