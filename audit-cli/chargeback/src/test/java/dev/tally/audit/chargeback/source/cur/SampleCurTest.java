package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the committed sample (examples/chargeback, made by CurSampleGenerator) loadable and complete. */
@DisplayName("The committed sample CUR")
class SampleCurTest {
    private static final Path SAMPLE = Path.of("../../examples/chargeback");
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);

    private static MonthlyCost load(String folder, YearMonth month, CostMetric metric) {
        return new CurSource(List.of(SAMPLE.resolve(folder)), DuckDbSettings.defaults())
                .load(month, metric, List.of("team"));
    }

    @Test
    @DisplayName("has both months, closed, with every kind a chargeback must handle, and untagged cost")
    void complete() {
        MonthlyCost october = load("cur", OCTOBER, CostMetric.AMORTIZED);
        assertThat(october.monthClosed()).isTrue();
        assertThat(october.rows()).extracting(CostRow::kind).contains(ChargeKind.USAGE, ChargeKind.DISCOUNTED_USAGE,
                ChargeKind.COMMITMENT_FEE, ChargeKind.SUPPORT, ChargeKind.TAX, ChargeKind.CREDIT);
        assertThat(october.rows()).anyMatch(r -> r.tags().isEmpty() && r.kind() == ChargeKind.USAGE);
        assertThat(october.rows()).extracting(r -> r.tags().get("team")).contains("payments", "search", "data",
                "platform");
        assertThat(load("cur", YearMonth.of(2025, 9), CostMetric.AMORTIZED).rows()).extracting(CostRow::kind)
                .contains(ChargeKind.REFUND);
    }

    @Test
    @DisplayName("rows reconcile to the total in every metric, and the CSV.gz copy gives the Parquet total")
    void consistent() {
        for (CostMetric metric : CostMetric.values()) {
            MonthlyCost parquet = load("cur", OCTOBER, metric);
            BigDecimal sum = parquet.rows().stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(metric.name()).isEqualByComparingTo(parquet.sourceTotal());
        }
        // Reading CSV is the slow path; one metric proves the copy holds the same bill.
        assertThat(load("cur-csv", OCTOBER, CostMetric.AMORTIZED).sourceTotal())
                .isEqualByComparingTo(load("cur", OCTOBER, CostMetric.AMORTIZED).sourceTotal());
    }

    @Test
    @DisplayName("amortized differs from unblended by the RI upfront fee and the Savings Plan accounting")
    void amortizationVisible() {
        YearMonth september = YearMonth.of(2025, 9);
        BigDecimal unblended = load("cur", september, CostMetric.UNBLENDED).sourceTotal();
        BigDecimal amortized = load("cur", september, CostMetric.AMORTIZED).sourceTotal();
        // September bought the RI: its 2400 upfront fee is on the invoice but amortized into usage instead.
        assertThat(unblended.subtract(amortized)).isGreaterThan(new BigDecimal("2000"));
    }
}
