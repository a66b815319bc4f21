package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.common.cli.UserFacingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CUR engine choice: direct Parquet reader by default, DuckDB on request, for CSV and as the fallback")
class CurEngineTest {
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final List<String> TAGS = List.of("team");

    @TempDir
    Path dir;

    private static CurLoad load(Path input, CurEngine engine) {
        return new CurSource(List.of(input), DuckDbSettings.defaults(), engine)
                .loadWithStats(MARCH, CostMetric.NET_AMORTIZED, TAGS);
    }

    @Test
    @DisplayName("Parquet goes through the direct reader and gives the month DuckDB gives")
    void parquetIsDirect() throws Exception {
        Path parquet = CurFixture.parquet(dir.resolve("cur.parquet"), MarchBill.lineItems(), Set.of());
        CurLoad direct = load(parquet, CurEngine.AUTO);
        CurLoad duckdb = load(parquet, CurEngine.DUCKDB);
        assertThat(direct.engine()).isEqualTo("parquet-direct");
        assertThat(duckdb.engine()).isEqualTo("duckdb");
        assertThat(direct.cost()).usingRecursiveComparison().ignoringFields("source").isEqualTo(duckdb.cost());
        assertThat(direct.cost().source()).endsWith(", read directly");
        assertThat(duckdb.cost().source()).endsWith(", aggregated by DuckDB");
        assertThat(direct.lineItems()).isEqualTo(duckdb.lineItems()).isPositive();
    }

    @Test
    @DisplayName("CSV is DuckDB's")
    void csvIsDuckDb() throws Exception {
        Path csv = CurFixture.csvGz(dir.resolve("cur.csv.gz"), MarchBill.lineItems(), Set.of());
        assertThat(load(csv, CurEngine.AUTO).engine()).isEqualTo("duckdb");
    }

    @Test
    @DisplayName("a Parquet file the direct reader refuses (FLOAT costs) is aggregated by DuckDB, which says why")
    void refusedParquetFallsBackToDuckDb() throws Exception {
        Path parquet = CurFixture.parquet(dir.resolve("cur.parquet"), MarchBill.lineItems(), Set.of());
        Path floats = dir.resolve("floats.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * REPLACE (CAST(line_item_unblended_cost AS FLOAT) AS "
                    + "line_item_unblended_cost) FROM '" + parquet + "') TO '" + floats + "' (FORMAT parquet)");
        }
        CurLoad load = load(floats, CurEngine.AUTO);
        assertThat(load.engine()).startsWith("duckdb (direct Parquet reader: cost column line_item_unblended_cost");
        assertThat(load.cost().source()).contains("aggregated by DuckDB (direct Parquet reader: cost column");
        assertThat(load.cost()).usingRecursiveComparison().ignoringFields("source")
                .isEqualTo(load(floats, CurEngine.DUCKDB).cost());
    }

    @Test
    @DisplayName("a Parquet file without a needed column still gets the schema check's message, not a reader's")
    void missingColumnIsNamed() throws Exception {
        Path parquet = CurFixture.parquet(dir.resolve("cur.parquet"), MarchBill.lineItems(),
                Set.of(CurColumns.LINE_ITEM_TYPE));
        assertThatThrownBy(() -> load(parquet, CurEngine.AUTO)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("not a CUR 2.0 export").hasMessageContaining("line_item_line_item_type");
    }
}
