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
@DisplayName("ParquetFile describes the schema of a CUR-shaped file DuckDB wrote")
class ParquetFileSchemaTest {

    @TempDir
    static Path dir;
    private DuckDbParquet duck;
    private ParquetFile parquet;

    @BeforeAll
    void writeFile() throws Exception {
        duck = new DuckDbParquet();
        Path file = duck.write(dir.resolve("schema.parquet"), """
                SELECT '123456789012' AS line_item_usage_account_id,
                       1.5::DOUBLE AS line_item_unblended_cost,
                       12.34::DECIMAL(9,2) AS small_amount,
                       TIMESTAMP '2024-03-01 10:00:00' AS line_item_usage_start_date,
                       TIMESTAMPTZ '2024-03-01 10:00:00+00' AS billed_at,
                       DATE '2024-03-01' AS bill_date,
                       i::BIGINT AS usage_id,
                       [1, 2] AS numbers,
                       MAP {'user:team': 'a'} AS resource_tags,
                       TIMESTAMP_MS '2024-03-01 10:00:00.123' AS ts_ms,
                       TIMESTAMP_NS '2024-03-01 10:00:00.123456789' AS ts_ns,
                       {'name': 'x', 'size': 3} AS product
                FROM range(3000) t(i)
                """, "ROW_GROUP_SIZE 2048");
        parquet = ParquetFile.open(file);
    }

    @AfterAll
    void close() throws Exception {
        parquet.close();
        duck.close();
    }

    @Test
    @DisplayName("row count and row groups add up")
    void rowCounts() {
        assertThat(parquet.rowCount()).isEqualTo(3000);
        long sum = 0;
        for (int g = 0; g < parquet.rowGroupCount(); g++) {
            sum += parquet.rowGroupRowCount(g);
        }
        assertThat(parquet.rowGroupCount()).isGreaterThan(1);
        assertThat(sum).isEqualTo(3000);
    }

    @Test
    @DisplayName("leaves are listed in file order with their index, path and levels")
    void leavesInFileOrder() {
        List<ParquetColumn> leaves = parquet.leafColumns();
        assertThat(leaves).extracting(ParquetColumn::dottedPath).containsExactly("line_item_usage_account_id",
                "line_item_unblended_cost", "small_amount", "line_item_usage_start_date", "billed_at", "bill_date",
                "usage_id", "numbers.list.element", "resource_tags.key_value.key", "resource_tags.key_value.value", "ts_ms", "ts_ns",
                "product.name", "product.size");
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(leaves.get(i).index()).isEqualTo(i);
        }
        assertThat(parquet.column("usage_id").orElseThrow())
                .extracting(ParquetColumn::maxDefinitionLevel, ParquetColumn::maxRepetitionLevel)
                .containsExactly(1, 0);
    }

    @Test
    @DisplayName("physical and logical types: STRING, DOUBLE, DECIMAL with scale/precision, TIMESTAMP units, DATE")
    void types() {
        assertThat(parquet.column("line_item_usage_account_id").orElseThrow())
                .extracting(ParquetColumn::type, ParquetColumn::logical)
                .containsExactly(PhysicalType.BYTE_ARRAY, LogicalKind.STRING);
        assertThat(parquet.column("line_item_unblended_cost").orElseThrow())
                .extracting(ParquetColumn::type, ParquetColumn::logical)
                .containsExactly(PhysicalType.DOUBLE, LogicalKind.NONE);
        assertThat(parquet.column("small_amount").orElseThrow())
                .extracting(ParquetColumn::type, ParquetColumn::logical, ParquetColumn::scale,
                        ParquetColumn::precision)
                .containsExactly(PhysicalType.INT32, LogicalKind.DECIMAL, 2, 9);
        assertThat(parquet.column("line_item_usage_start_date").orElseThrow())
                .extracting(ParquetColumn::type, ParquetColumn::logical, ParquetColumn::timeUnit)
                .containsExactly(PhysicalType.INT64, LogicalKind.TIMESTAMP, TimeUnit.MICROS);
        assertThat(parquet.column("billed_at").orElseThrow())
                .extracting(ParquetColumn::logical, ParquetColumn::timeUnit)
                .containsExactly(LogicalKind.TIMESTAMP, TimeUnit.MICROS);
        assertThat(parquet.column("bill_date").orElseThrow())
                .extracting(ParquetColumn::type, ParquetColumn::logical)
                .containsExactly(PhysicalType.INT32, LogicalKind.DATE);
        assertThat(parquet.column("usage_id").orElseThrow().timeUnit()).isNull();
    }

    @Test
    @DisplayName("millisecond and nanosecond timestamps keep their unit and their raw stored values")
    void timestampUnits() throws Exception {
        ParquetColumn millis = parquet.column("ts_ms").orElseThrow();
        ParquetColumn nanos = parquet.column("ts_ns").orElseThrow();
        assertThat(millis.timeUnit()).isEqualTo(TimeUnit.MILLIS);
        assertThat(nanos.timeUnit()).isEqualTo(TimeUnit.NANOS);
        long epochMillis = java.time.Instant.parse("2024-03-01T10:00:00.123Z").toEpochMilli();
        assertThat(parquet.read(0, millis).longs()[0]).isEqualTo(epochMillis);
        assertThat(parquet.read(0, nanos).longs()[0]).isEqualTo(epochMillis * 1_000_000L + 456_789L);
    }

    @Test
    @DisplayName("a MAP exposes its key and value leaves with map levels; non-maps and absent fields do not")
    void mapLookups() {
        ParquetColumn key = parquet.mapKey("resource_tags").orElseThrow();
        ParquetColumn value = parquet.mapValue("resource_tags").orElseThrow();
        assertThat(key.path()).containsExactly("resource_tags", "key_value", "key");
        assertThat(key).extracting(ParquetColumn::maxDefinitionLevel, ParquetColumn::maxRepetitionLevel)
                .containsExactly(2, 1);
        assertThat(value).extracting(ParquetColumn::maxDefinitionLevel, ParquetColumn::maxRepetitionLevel)
                .containsExactly(3, 1);
        assertThat(parquet.column("resource_tags")).contains(key);
        assertThat(parquet.mapKey("numbers")).isEmpty();
        assertThat(parquet.mapKey("product")).isEmpty();
        assertThat(parquet.mapValue("line_item_usage_account_id")).isEmpty();
        assertThat(parquet.column("no_such_column")).isEmpty();
        assertThat(parquet.mapKey("no_such_column")).isEmpty();
    }
}
