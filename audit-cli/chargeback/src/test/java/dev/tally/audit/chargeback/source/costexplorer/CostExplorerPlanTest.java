package dev.tally.audit.chargeback.source.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cost Explorer request plan")
class CostExplorerPlanTest {
    private static CostExplorerPlan.Pair pair(String account, String recordType, String amount) {
        return new CostExplorerPlan.Pair(account, recordType, new BigDecimal(amount));
    }

    private final List<CostExplorerPlan.Pair> pairs = List.of(pair("1", "Usage", "10"), pair("1", "Tax", "1"),
            pair("2", "Usage", "5"), pair("3", "Usage", "7"), pair("3", "Savings Plan Negation", "0"));

    @Test
    @DisplayName("with a tag: one request per non-zero (account, record type) pair, grouped by service and tag")
    void withTag() {
        List<CeQuery> plan = CostExplorerPlan.detail(pairs, List.of("team"));
        assertThat(plan).hasSize(4).allSatisfy(q -> assertThat(q.groupBy()).containsExactly("DIMENSION:SERVICE",
                "TAG:team"));
        assertThat(plan.get(1).filter()).isEqualTo(Map.of("LINKED_ACCOUNT", "1", "RECORD_TYPE", "Tax"));
    }

    @Test
    @DisplayName("without a tag: per record type when there are fewer record types than accounts")
    void perRecordType() {
        List<CeQuery> plan = CostExplorerPlan.detail(pairs, List.of());
        assertThat(plan).extracting(CeQuery::filter)
                .containsExactly(Map.of("RECORD_TYPE", "Usage"), Map.of("RECORD_TYPE", "Tax"));
        assertThat(plan.get(0).groupBy()).containsExactly("DIMENSION:LINKED_ACCOUNT", "DIMENSION:SERVICE");
    }

    @Test
    @DisplayName("without a tag: per account when there are fewer accounts than record types")
    void perAccount() {
        List<CeQuery> plan = CostExplorerPlan.detail(List.of(pair("1", "Usage", "1"), pair("1", "Tax", "1"),
                pair("1", "Credit", "-1")), List.of());
        assertThat(plan).singleElement().satisfies(q -> {
            assertThat(q.filter()).isEqualTo(Map.of("LINKED_ACCOUNT", "1"));
            assertThat(q.groupBy()).containsExactly("DIMENSION:SERVICE", "DIMENSION:RECORD_TYPE");
        });
    }
}
