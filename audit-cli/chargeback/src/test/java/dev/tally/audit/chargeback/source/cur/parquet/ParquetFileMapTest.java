package dev.tally.audit.chargeback.source.cur.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ParquetFile reads a MAP(VARCHAR, VARCHAR) such that its levels rebuild DuckDB's maps exactly")
class ParquetFileMapTest {

    /** NULL maps, empty maps, NULL and empty values, one to three entries; 3 row groups. */
    private static final String TAGS = """
            SELECT i AS id,
              CASE WHEN i % 10 = 0 THEN NULL
                   ELSE map_from_entries(list_transform(range(i % 4), j -> {
                          'k': 'user:' || (['team', 'env', 'cost-center'])[j + 1],
                          'v': CASE WHEN (i + j) % 7 = 0 THEN NULL
                                    WHEN (i + j) % 11 = 0 THEN ''
                                    ELSE 'v' || ((i * (j + 1)) % 13) END}))
              END AS resource_tags
            FROM range(25000) t(i)
            """;
    private static final String NULL_VALUE = "<null>";

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

    @ParameterizedTest(name = "PARQUET_VERSION {0}")
    @ValueSource(strings = {"v1", "v2"})
    @DisplayName("rep/def levels rebuild NULL maps, empty maps, NULL values and multi-entry maps as DuckDB reads them")
    void levelsRebuildDuckDbMaps(String version) throws Exception {
        Path file = duck.write(dir.resolve("tags-" + version + ".parquet"), TAGS,
                "COMPRESSION snappy, ROW_GROUP_SIZE 10000, PARQUET_VERSION " + version);
        List<Object> expected = duck.column(file, "CASE WHEN resource_tags IS NULL THEN NULL ELSE array_to_string("
                + "list_transform(map_entries(resource_tags), e -> e.key || '=' || coalesce(e.value, '"
                + NULL_VALUE + "')), '|') END");
        try (ParquetFile parquet = ParquetFile.open(file)) {
            assertThat(parquet.rowGroupCount()).isGreaterThan(1);
            assertThat(rebuildMaps(parquet, "resource_tags")).isEqualTo(expected);
            assertThat(mapsByRowStarts(parquet, "resource_tags")).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "PARQUET_VERSION {0}")
    @ValueSource(strings = {"v1", "v2"})
    @DisplayName("rowStarts() has one start per row plus the end, and is 0..size for a flat column")
    void rowStartsPerRow(String version) throws Exception {
        Path file = duck.write(dir.resolve("starts-" + version + ".parquet"), TAGS,
                "ROW_GROUP_SIZE 10000, PARQUET_VERSION " + version);
        try (ParquetFile parquet = ParquetFile.open(file)) {
            ColumnChunk keys = parquet.read(0, parquet.mapKey("resource_tags").orElseThrow());
            int[] starts = keys.rowStarts();
            assertThat(starts).hasSize((int) parquet.rowGroupRowCount(0) + 1).isSorted();
            assertThat(starts[starts.length - 1]).isEqualTo(keys.size());
            ColumnChunk ids = parquet.read(0, parquet.column("id").orElseThrow());
            assertThat(ids.rowStarts()).hasSize(ids.size() + 1).startsWith(0, 1, 2).endsWith(ids.size());
        }
    }

    /** The same maps, walked the way a caller would with {@link ColumnChunk#rowStarts()}. */
    private static List<Object> mapsByRowStarts(ParquetFile parquet, String top) throws IOException {
        List<Object> rows = new ArrayList<>();
        for (int g = 0; g < parquet.rowGroupCount(); g++) {
            ColumnChunk keys = parquet.read(g, parquet.mapKey(top).orElseThrow());
            ColumnChunk values = parquet.read(g, parquet.mapValue(top).orElseThrow());
            int[] starts = keys.rowStarts();
            for (int r = 0; r + 1 < starts.length; r++) {
                if (keys.definitionLevels()[starts[r]] == 0) {
                    rows.add(null);
                    continue;
                }
                List<String> entries = new ArrayList<>();
                for (int e = starts[r]; e < starts[r + 1]; e++) {
                    if (keys.ids()[e] >= 0) {
                        int v = values.ids()[e];
                        entries.add(keys.dictionary()[keys.ids()[e]] + "=" + (v < 0 ? NULL_VALUE
                                : values.dictionary()[v]));
                    }
                }
                rows.add(String.join("|", entries));
            }
        }
        return rows;
    }

    /** Rebuilds each row's map as DuckDB renders it above, from the key and value chunks' levels only. */
    private static List<Object> rebuildMaps(ParquetFile parquet, String top) throws IOException {
        ParquetColumn keyColumn = parquet.mapKey(top).orElseThrow();
        ParquetColumn valueColumn = parquet.mapValue(top).orElseThrow();
        List<Object> rows = new ArrayList<>();
        for (int g = 0; g < parquet.rowGroupCount(); g++) {
            ColumnChunk keys = parquet.read(g, keyColumn);
            ColumnChunk values = parquet.read(g, valueColumn);
            assertThat(values.size()).isEqualTo(keys.size());
            StringBuilder current = null;
            boolean open = false;
            for (int e = 0; e < keys.size(); e++) {
                if (keys.repetitionLevels()[e] == 0) {
                    if (open) {
                        rows.add(current == null ? null : current.toString());
                    }
                    open = true;
                    int def = keys.definitionLevels()[e];
                    current = def == 0 ? null : new StringBuilder();
                    if (def < keyColumn.maxDefinitionLevel()) {
                        continue;
                    }
                } else {
                    current.append('|');
                }
                String key = keys.dictionary()[keys.ids()[e]];
                int valueId = values.ids()[e];
                current.append(key).append('=').append(valueId < 0 ? NULL_VALUE : values.dictionary()[valueId]);
            }
            if (open) {
                rows.add(current == null ? null : current.toString());
            }
            assertThat(rows).hasSize((int) sumRows(parquet, g));
        }
        return rows;
    }

    private static long sumRows(ParquetFile parquet, int lastGroup) {
        long rows = 0;
        for (int g = 0; g <= lastGroup; g++) {
            rows += parquet.rowGroupRowCount(g);
        }
        return rows;
    }
}
