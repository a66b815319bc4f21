package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.Allocator;
import dev.tally.audit.chargeback.allocation.OwnerNames;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.reconcile.Reconciler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Shaping an allocation into the report (roll-up, month over month, headline)")
class ReportBuilderTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final AllocationRules RULES = new AllocationRules(List.of("team"), OwnerNames.defaults(),
            Map.of("payments", "commerce", "checkout", "commerce", "search", "discovery"), List.of(), Optional.empty());

    private static CostRow row(String team, String service, String amount) {
        return new CostRow("111111111111", service, ChargeKind.USAGE, team == null ? Map.of() : Map.of("team", team),
                new BigDecimal(amount), "USD");
    }

    private static MonthlyCost month(YearMonth month, List<CostRow> rows) {
        BigDecimal total = rows.stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MonthlyCost(month, CostMetric.AMORTIZED, rows, total, "USD", true, "test");
    }

    private static ChargebackReport build(MonthlyCost current, Optional<MonthlyCost> previous) {
        Allocator allocator = new Allocator(RULES);
        Allocation allocation = allocator.allocate(current.rows());
        return new ReportBuilder(RULES, "rules.yaml").build(current, allocation,
                Reconciler.reconcile(current, allocation), previous.map(p -> allocator.allocate(p.rows())),
                new PreviousMonth(OCTOBER.minusMonths(1), previous.isPresent(), previous.isPresent() ? "" : "none"),
                Instant.EPOCH);
    }

    @Test
    @DisplayName("owners roll up to their department; owners without one to (no department); (unallocated) apart")
    void departmentRollUp() {
        ChargebackReport report = build(month(OCTOBER, List.of(row("payments", "EC2", "60.00"),
                row("checkout", "EC2", "15.50"), row("search", "S3", "20.00"), row("analytics", "Athena", "4.00"),
                row(null, "S3", "0.50"))), Optional.empty());

        assertThat(report.departments()).extracting(DepartmentCost::department, DepartmentCost::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple("commerce", new BigDecimal("75.50")),
                org.assertj.core.groups.Tuple.tuple("discovery", new BigDecimal("20.00")),
                org.assertj.core.groups.Tuple.tuple("(no department)", new BigDecimal("4.00")),
                org.assertj.core.groups.Tuple.tuple("(unallocated)", new BigDecimal("0.50")));
        assertThat(report.departments().get(0).owners()).containsExactly("checkout", "payments");
        assertThat(report.owners()).extracting(OwnerCost::owner)
                .containsExactly("payments", "search", "checkout", "analytics", "(unallocated)");
    }

    @Test
    @DisplayName("month over month per owner, with an owner gone since last month shown at 0.00")
    void monthOverMonth() {
        ChargebackReport report = build(month(OCTOBER, List.of(row("payments", "EC2", "120.00"),
                row("search", "S3", "30.00"))), Optional.of(month(OCTOBER.minusMonths(1), List.of(
                row("payments", "EC2", "100.00"), row("legacy", "EC2", "50.00")))));

        OwnerCost payments = report.owners().get(0);
        assertThat(payments.previousTotal()).contains(new BigDecimal("100.00"));
        assertThat(payments.change()).contains(new BigDecimal("20.00"));
        OwnerCost legacy = report.owners().stream().filter(o -> o.owner().equals("legacy")).findFirst().orElseThrow();
        assertThat(legacy.total()).isEqualByComparingTo("0.00");
        assertThat(legacy.change()).contains(new BigDecimal("-50.00"));
        assertThat(report.headline().change()).contains(new BigDecimal("0.00"));
        assertThat(report.headline().changePercent()).contains(new BigDecimal("0.0"));
    }

    @Test
    @DisplayName("percentages of nothing are absent, not 0%: a zero previous month, a non-positive total")
    void noPercentOfNothing() {
        ChargebackReport fromZero = build(month(OCTOBER, List.of(row("payments", "EC2", "10.00"))),
                Optional.of(month(OCTOBER.minusMonths(1), List.of(row("payments", "EC2", "5.00"),
                        row("payments", "EC2", "-5.00")))));
        ChargebackReport allCredit = build(month(OCTOBER, List.of(row(null, "EC2", "1.00"),
                row("payments", "EC2", "-3.00"))), Optional.empty());

        assertThat(fromZero.headline().change()).contains(new BigDecimal("10.00"));
        assertThat(fromZero.headline().changePercent()).isEmpty();
        assertThat(allCredit.headline().total()).isEqualByComparingTo("-2.00");
        assertThat(allCredit.headline().untaggedPercent()).isEmpty();
        assertThat(allCredit.headline().change()).isEmpty();
    }

    @Test
    @DisplayName("headline: untagged share of the month and the top services, largest first")
    void headline() {
        ChargebackReport report = build(month(OCTOBER, List.of(row("payments", "EC2", "90.00"),
                row(null, "S3", "10.00"), row("search", "S3", "5.00"))), Optional.empty());

        assertThat(report.headline().untaggedSpend()).isEqualByComparingTo("10.00");
        assertThat(report.headline().untaggedPercent()).contains(new BigDecimal("9.5"));
        assertThat(report.topServices()).extracting(ServiceCost::service).containsExactly("EC2", "S3");
        assertThat(report.topServices().get(1).total()).isEqualByComparingTo("15.00");
        assertThat(report.notes()).singleElement().asString().startsWith("No previous month: none");
    }
}
