package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ReadBuffers: reused arrays give exactly what fresh ones give, row group after row group")
class ReadBuffersTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("NULLs, values and dictionary ids of one row group never show through in the next")
    void reuseLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("t.parquet");
        // Row groups alternate between all-NULL and dense stretches, so stale flags or values would be visible.
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT CASE WHEN (i // 2048) % 2 = 0 AND i % 3 = 0 THEN NULL ELSE i * 0.5 END"
                    + "::DOUBLE AS d, CASE WHEN (i // 2048) % 2 = 1 AND i % 5 = 0 THEN NULL ELSE i END::BIGINT AS n,"
                    + " CASE WHEN i % 7 = 0 THEN NULL ELSE 's' || (i % 11) END AS s,"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE MAP {'k' || (i % 3): 'v' || (i % 2)} END AS m"
                    + " FROM range(20000) r(i)) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
        try (ParquetFile parquet = ParquetFile.open(file)) {
            assertThat(parquet.rowGroupCount()).isGreaterThan(4);
            ReadBuffers buffers = new ReadBuffers();
            int compared = 0;
            for (int rowGroup = 0; rowGroup < parquet.rowGroupCount(); rowGroup++) {
                for (ParquetColumn column : parquet.leafColumns()) {
                    ColumnChunk fresh = parquet.read(rowGroup, column);
                    ColumnChunk reused = parquet.read(rowGroup, column, buffers);
                    int n = fresh.size();
                    assertThat(reused.size()).isEqualTo(n);
                    assertThat(prefix(reused.nulls(), n)).isEqualTo(fresh.nulls());
                    assertThat(prefix(reused.definitionLevels(), n)).isEqualTo(fresh.definitionLevels());
                    assertThat(prefix(reused.repetitionLevels(), n)).isEqualTo(fresh.repetitionLevels());
                    assertThat(prefix(reused.ids(), n)).isEqualTo(fresh.ids());
                    assertThat(reused.dictionary()).isEqualTo(fresh.dictionary());
                    assertThat(reused.doubles() == null ? null : Arrays.copyOf(reused.doubles(), n))
                            .isEqualTo(fresh.doubles());
                    assertThat(reused.longs() == null ? null : Arrays.copyOf(reused.longs(), n))
                            .isEqualTo(fresh.longs());
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(parquet.rowGroupCount() * parquet.leafColumns().size());
        }
    }

    private static boolean[] prefix(boolean[] values, int n) {
        return values == null ? null : Arrays.copyOf(values, n);
    }

    private static int[] prefix(int[] values, int n) {
        return values == null ? null : Arrays.copyOf(values, n);
    }
}
