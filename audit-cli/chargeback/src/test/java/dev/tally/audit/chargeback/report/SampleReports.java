package dev.tally.audit.chargeback.report;

import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.Allocator;
import dev.tally.audit.chargeback.allocation.OwnerNames;
import dev.tally.audit.chargeback.allocation.SharedCostRule;
import dev.tally.audit.chargeback.allocation.Split;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.reconcile.Reconciler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports built from hand-made months through the real allocator and builder, for the renderer tests. One owner's tag
 * value is hostile HTML, so every renderer is tested with user data that must be escaped.
 */
final class SampleReports {
    /** A tag value that would run script if it reached the page unescaped. */
    static final String HOSTILE_OWNER = "<img src=x onerror=alert(1)>\"'&{{css}}";
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String TAG = "tally:cost-center";

    private SampleReports() {
    }

    static AllocationRules rules() {
        return new AllocationRules(List.of(TAG), OwnerNames.defaults(),
                Map.of("payments", "commerce", "checkout", "commerce", "search", "discovery"),
                List.of(new SharedCostRule("support", Set.of(ChargeKind.SUPPORT), Set.of(), Set.of(),
                        Split.proportional()), new SharedCostRule("tax", Set.of(ChargeKind.TAX), Set.of(), Set.of(),
                        Split.proportional())), Optional.empty());
    }

    /** Five owners, one of them hostile, untagged spend, support, tax, a credit; and a previous month. */
    static ChargebackReport withPreviousMonth() {
        MonthlyCost october = month(MONTH, List.of(
                usage("payments", "Amazon Elastic Compute Cloud", "4210.55"),
                usage("payments", "Amazon Relational Database Service", "1802.10"),
                usage("checkout", "Amazon Elastic Compute Cloud", "1204.00"),
                usage("checkout", "AWS Lambda", "310.42"),
                usage("search", "Amazon OpenSearch Service", "2650.75"),
                usage("search", "Amazon Simple Storage Service", "98.30"),
                usage(HOSTILE_OWNER, "Amazon DynamoDB", "120.00"),
                row(ChargeKind.CREDIT, "checkout", "Amazon Elastic Compute Cloud", "-150.00"),
                usage(null, "Amazon Simple Storage Service", "640.18"),
                usage(null, "Amazon CloudWatch", "211.07"),
                row(ChargeKind.SUPPORT, null, "AWS Support (Business)", "1004.80"),
                row(ChargeKind.TAX, null, "Tax", "512.33")));
        MonthlyCost september = month(MONTH.minusMonths(1), List.of(
                usage("payments", "Amazon Elastic Compute Cloud", "3900.00"),
                usage("checkout", "Amazon Elastic Compute Cloud", "1500.00"),
                usage("search", "Amazon OpenSearch Service", "2400.00"),
                usage("analytics", "Amazon Athena", "300.00"),
                usage(null, "Amazon Simple Storage Service", "700.00")));
        AllocationRules rules = rules();
        Allocation current = new Allocator(rules).allocate(october.rows());
        Allocation previous = new Allocator(rules).allocate(september.rows());
        return new ReportBuilder(rules, "policies/chargeback/rules.yaml").build(october, current,
                Reconciler.reconcile(october, current), Optional.of(previous),
                new PreviousMonth(MONTH.minusMonths(1), true, ""), Instant.parse("2026-11-02T08:00:00Z"));
    }

    /** The same October with no previous month available. */
    static ChargebackReport withoutPreviousMonth() {
        ChargebackReport full = withPreviousMonth();
        MonthlyCost october = month(MONTH, List.of(usage("payments", "Amazon Elastic Compute Cloud", "10.00"),
                usage(null, "Amazon Simple Storage Service", "2.50")));
        Allocation allocation = new Allocator(rules()).allocate(october.rows());
        return new ReportBuilder(rules(), full.rules()).build(october, allocation,
                Reconciler.reconcile(october, allocation), Optional.empty(),
                new PreviousMonth(MONTH.minusMonths(1), false, "the CUR has no line items for 2026-09"),
                full.generatedAt());
    }

    private static MonthlyCost month(YearMonth month, List<CostRow> rows) {
        BigDecimal total = rows.stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MonthlyCost(month, CostMetric.AMORTIZED, rows, total, "USD", true, "CUR examples/chargeback/cur");
    }

    private static CostRow usage(String owner, String service, String amount) {
        return row(ChargeKind.USAGE, owner, service, amount);
    }

    private static CostRow row(ChargeKind kind, String owner, String service, String amount) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        if (owner != null) {
            tags.add(Map.entry(TAG, owner));
        }
        return new CostRow("111111111111", service, kind, Map.ofEntries(tags.toArray(Map.Entry[]::new)),
                new BigDecimal(amount), "USD");
    }
}
