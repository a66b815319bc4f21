package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ParquetFile.read is safe from several threads at once")
class ParquetFileConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("two threads reading different row groups (in opposite orders) get what one thread gets")
    void concurrentReadsMatchSequentialOnes() throws Exception {
        Path file;
        try (DuckDbParquet duck = new DuckDbParquet()) {
            file = duck.write(dir.resolve("many-groups.parquet"), """
                    SELECT CASE WHEN i % 9 = 0 THEN NULL ELSE 'acct-' || (i % 40) END AS account,
                           'r-' || (i % 5000) AS resource,
                           (i * 0.01)::DOUBLE AS cost
                    FROM range(40000) t(i)
                    """, "COMPRESSION zstd, ROW_GROUP_SIZE 4096");
        }
        try (ParquetFile parquet = ParquetFile.open(file)) {
            int groups = parquet.rowGroupCount();
            assertThat(groups).isGreaterThanOrEqualTo(8);
            List<List<Object>> sequential = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                sequential.add(readGroup(parquet, g));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int repeat = 0; repeat < 3; repeat++) {
                    Future<List<List<Object>>> forward = pool.submit(reader(parquet, groups, false));
                    Future<List<List<Object>>> backward = pool.submit(reader(parquet, groups, true));
                    assertThat(forward.get()).isEqualTo(sequential);
                    assertThat(backward.get()).isEqualTo(sequential);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Callable<List<List<Object>>> reader(ParquetFile parquet, int groups, boolean backward) {
        return () -> {
            List<List<Object>> result = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                result.add(null);
            }
            for (int i = 0; i < groups; i++) {
                int g = backward ? groups - 1 - i : i;
                result.set(g, readGroup(parquet, g));
            }
            return result;
        };
    }

    private static List<Object> readGroup(ParquetFile parquet, int group) throws Exception {
        List<Object> values = new ArrayList<>();
        for (ParquetColumn column : parquet.leafColumns()) {
            ColumnChunk chunk = parquet.read(group, column);
            for (int i = 0; i < chunk.size(); i++) {
                values.add(DuckDbParquet.valueAt(chunk, i));
            }
        }
        return values;
    }
}
