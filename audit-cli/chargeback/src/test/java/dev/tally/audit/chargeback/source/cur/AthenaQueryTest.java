package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.CostMetric;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Athena SQL (--emit-athena-sql)")
class AthenaQueryTest {
    private final String sql = AthenaQuery.render("cur_db.cur2", YearMonth.of(2025, 3), CostMetric.AMORTIZED,
            List.of("team", "CostCenter"));

    @Test
    @DisplayName("reads tags with element_at, which yields NULL for an absent key")
    void elementAt() {
        assertThat(sql).contains("NULLIF(element_at(resource_tags, 'user_team'), '') AS tag_0")
                .contains("NULLIF(COALESCE(element_at(resource_tags, 'user_CostCenter'), "
                        + "element_at(resource_tags, 'user_cost_center')), '') AS tag_1")
                .doesNotContain("resource_tags[");
    }

    @Test
    @DisplayName("groups by account, service, line item type and both tags over the named table and month")
    void shape() {
        assertThat(sql).contains("FROM cur_db.cur2\n")
                .contains("line_item_usage_account_id AS account_id")
                .contains("GROUP BY 1, 2, 3, 4, 5\n")
                .contains("CAST(bill_billing_period_start_date AS TIMESTAMP) >= TIMESTAMP '2025-03-01 00:00:00'")
                .contains("< TIMESTAMP '2025-04-01 00:00:00'")
                .contains("WHERE billing_period = '2025-03' AND ")
                .contains("WHEN 'RIFee' THEN COALESCE(CAST(reservation_unused_amortized_upfront_fee_for_billing_period")
                .doesNotContain("DOUBLE");
        assertThat(sql.split(";\n")).hasSize(2);
        assertThat(sql).contains("COUNT(DISTINCT line_item_currency_code) AS currencies");
    }

    @Test
    @DisplayName("is the same query DuckDB runs, except for the map access and the period's cast")
    void sameDefinitionAsDuckDb() {
        List<CurTag> tags = List.of(CurTag.of("team"));
        Set<String> net = Set.copyOf(CurColumns.NET_COLUMNS);
        String athena = new CurAggregationQuery(SqlDialect.ATHENA, "cur", YearMonth.of(2025, 3),
                CostMetric.NET_AMORTIZED, tags, TagEncoding.MAP, net).groupedSql();
        String duckdb = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", YearMonth.of(2025, 3),
                CostMetric.NET_AMORTIZED, tags, TagEncoding.MAP, net).groupedSql();
        assertThat(athena.replaceAll("element_at\\(resource_tags, ('[A-Za-z_]+')\\)", "resource_tags[$1]")
                .replace("CAST(bill_billing_period_start_date AS TIMESTAMP)", "bill_billing_period_start_date"))
                .isEqualTo(duckdb);
    }

    @Test
    @DisplayName("refuses a table name that could inject SQL")
    void tableName() {
        assertThatThrownBy(() -> AthenaQuery.render("cur; DROP TABLE x", YearMonth.of(2025, 3),
                CostMetric.UNBLENDED, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name");
    }
}
