package dev.tally.audit.chargeback.source.cur.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Money: DuckDB's CAST(x AS DECIMAL(38,10)), digit for digit")
class MoneyTest {

    @Test
    @DisplayName("200,000 doubles (halves at the 10th decimal, negatives, large and tiny) convert as DuckDB does")
    void doublesMatchDuckDb() throws Exception {
        String values = """
                SELECT x, CAST(x AS DECIMAL(38,10)) AS d FROM (
                  SELECT (CAST((hash(i) >> 1) % 1800000001 AS BIGINT) - 900000000) / (10.0 ** CAST((hash(i * 7) >> 1) % 14 AS INTEGER)) AS x
                  FROM range(100000) r(i)
                  UNION ALL
                  SELECT CAST((i - 50000) * 0.00000000005 AS DOUBLE) FROM range(100000) r(i))""";
        int compared = 0;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery(values)) {
            while (rs.next()) {
                double x = rs.getDouble(1);
                BigDecimal expected = rs.getBigDecimal(2);
                assertThat(BigDecimal.valueOf(Money.fromDouble(x, "c"), Money.SCALE))
                        .as("CAST(%s AS DECIMAL(38,10))", x).isEqualByComparingTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(200_000);
    }

    @Test
    @DisplayName("half a unit rounds away from zero, like C round()")
    void roundsHalfAwayFromZero() {
        assertThat(Money.fromDouble(0.5e-10, "c")).isEqualTo(1);
        assertThat(Money.fromDouble(-0.5e-10, "c")).isEqualTo(-1);
        assertThat(Money.fromDouble(1.25, "c")).isEqualTo(12_500_000_000L);
    }

    @Test
    @DisplayName("decimals are rescaled exactly; a scale above 10 or a value past a long is refused")
    void decimals() {
        assertThat(Money.fromDecimal(-123_456, 6, "c")).isEqualTo(-1_234_560_000L);
        assertThat(Money.fromDecimal(7, 0, "c")).isEqualTo(70_000_000_000L);
        assertThatThrownBy(() -> Money.fromDecimal(1, 12, "c")).isInstanceOf(UnsupportedParquetException.class)
                .hasMessageContaining("scale 12");
        assertThatThrownBy(() -> Money.fromDecimal(Long.MAX_VALUE / 10, 0, "c"))
                .isInstanceOf(UnsupportedParquetException.class);
        assertThatThrownBy(() -> Money.fromDouble(1e12, "cost")).isInstanceOf(UnsupportedParquetException.class)
                .hasMessageContaining("cost");
        assertThatThrownBy(() -> Money.fromDouble(Double.NaN, "cost"))
                .isInstanceOf(UnsupportedParquetException.class);
    }
}
