package dev.tally.audit.chargeback.report;

import dev.tally.audit.chargeback.allocation.AllocatedLine;
import dev.tally.audit.chargeback.allocation.Allocation;
import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.CentApportionment;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.reconcile.Reconciliation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Shapes an allocation into what the report shows: owners with their service lines, the department roll-up, top
 * services, headline figures and month-over-month. Pure: it only adds up the allocation's cent amounts, so every
 * figure in the report is a sum of the same reconciled lines.
 */
public final class ReportBuilder {
    /** The department of owners that have no parent in the rules. */
    public static final String NO_DEPARTMENT = "(no department)";
    private static final int TOP_SERVICES = 10;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AllocationRules rules;
    private final String rulesOrigin;

    public ReportBuilder(AllocationRules rules, String rulesOrigin) {
        this.rules = rules;
        this.rulesOrigin = rulesOrigin;
    }

    /**
     * @param month              the month as the source gave it
     * @param allocation         its allocation
     * @param reconciliation     its reconciliation (balanced or not: the caller decides what a mismatch means)
     * @param previousAllocation the previous month's allocation under the same rules, if the source had it
     * @param previous           whether and why not the previous month is available
     * @param generatedAt        when the report is produced
     */
    public ChargebackReport build(MonthlyCost month, Allocation allocation, Reconciliation reconciliation,
            Optional<Allocation> previousAllocation, PreviousMonth previous, Instant generatedAt) {
        Map<String, BigDecimal> previousByOwner = previousAllocation.map(ReportBuilder::totalsByOwner).orElse(Map.of());
        List<OwnerCost> owners = owners(allocation, previousAllocation.isPresent(), previousByOwner);
        BigDecimal total = owners.stream().map(OwnerCost::total).reduce(ZERO, BigDecimal::add);
        Optional<BigDecimal> previousTotal = previousAllocation.map(a -> sum(a.lines()));
        Optional<BigDecimal> change = previousTotal.map(total::subtract);
        Optional<BigDecimal> changePercent = previousTotal.filter(p -> p.signum() != 0)
                .map(p -> percent(total.subtract(p), p.abs()));
        BigDecimal untagged = CentApportionment.toCents(allocation.untaggedSpend());
        Optional<BigDecimal> untaggedPercent = total.signum() > 0 ? Optional.of(percent(untagged, total))
                : Optional.empty();
        Headline headline = new Headline(total, previousTotal, change, changePercent, untagged, untaggedPercent);

        List<String> notes = new ArrayList<>();
        if (!month.monthClosed()) {
            notes.add(month.month() + " is not closed yet: charges can still arrive, so these figures are provisional.");
        }
        notes.addAll(allocation.notes());
        if (!previous.available()) {
            notes.add("No previous month: " + previous.note());
        }
        return new ChargebackReport(month.month(), month.metric(), month.source(), month.monthClosed(),
                month.currency(), rulesOrigin, rules.ownerTagKeys(), generatedAt, headline, owners,
                departments(owners, previousAllocation.isPresent()), topServices(allocation), allocation.pools(),
                reconciliation, previous, notes);
    }

    private List<OwnerCost> owners(Allocation allocation, boolean hasPrevious, Map<String, BigDecimal> previousByOwner) {
        Map<String, Map<String, BigDecimal[]>> byOwner = new TreeMap<>();
        for (AllocatedLine line : allocation.lines()) {
            BigDecimal[] amounts = byOwner.computeIfAbsent(line.owner(), o -> new TreeMap<>())
                    .computeIfAbsent(line.service(), s -> new BigDecimal[] {ZERO, ZERO, ZERO});
            amounts[line.basis().ordinal()] = amounts[line.basis().ordinal()].add(line.amount());
        }
        // An owner that had cost last month but none now still belongs in the month-over-month comparison.
        previousByOwner.keySet().forEach(owner -> byOwner.computeIfAbsent(owner, o -> new TreeMap<>()));

        List<OwnerCost> owners = new ArrayList<>();
        byOwner.forEach((owner, services) -> {
            List<ServiceLine> lines = services.entrySet().stream()
                    .map(e -> new ServiceLine(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                    .sorted(Comparator.comparing(ServiceLine::total).reversed().thenComparing(ServiceLine::service))
                    .toList();
            owners.add(new OwnerCost(owner, rules.parentOf(owner),
                    lines.stream().map(ServiceLine::direct).reduce(ZERO, BigDecimal::add),
                    lines.stream().map(ServiceLine::untagged).reduce(ZERO, BigDecimal::add),
                    lines.stream().map(ServiceLine::shared).reduce(ZERO, BigDecimal::add),
                    hasPrevious ? Optional.of(previousByOwner.getOrDefault(owner, ZERO)) : Optional.empty(), lines));
        });
        owners.sort(Comparator.comparing((OwnerCost o) -> AllocationRules.UNALLOCATED.equals(o.owner()))
                .thenComparing(OwnerCost::total, Comparator.reverseOrder()).thenComparing(OwnerCost::owner));
        return owners;
    }

    private static List<DepartmentCost> departments(List<OwnerCost> owners, boolean hasPrevious) {
        Map<String, List<OwnerCost>> grouped = owners.stream().collect(Collectors.groupingBy(
                o -> AllocationRules.UNALLOCATED.equals(o.owner()) ? AllocationRules.UNALLOCATED
                        : o.department().orElse(NO_DEPARTMENT), TreeMap::new, Collectors.toList()));
        List<DepartmentCost> departments = new ArrayList<>();
        grouped.forEach((department, members) -> departments.add(new DepartmentCost(department,
                new TreeSet<>(members.stream().map(OwnerCost::owner).toList()).stream().toList(),
                members.stream().map(OwnerCost::total).reduce(ZERO, BigDecimal::add),
                hasPrevious ? Optional.of(members.stream().map(o -> o.previousTotal().orElse(ZERO))
                        .reduce(ZERO, BigDecimal::add)) : Optional.empty())));
        departments.sort(Comparator.comparing((DepartmentCost d) -> d.department().startsWith("("))
                .thenComparing(DepartmentCost::total, Comparator.reverseOrder())
                .thenComparing(DepartmentCost::department));
        return departments;
    }

    private static List<ServiceCost> topServices(Allocation allocation) {
        Map<String, BigDecimal> byService = new TreeMap<>();
        allocation.lines().forEach(line -> byService.merge(line.service(), line.amount(), BigDecimal::add));
        return byService.entrySet().stream().map(e -> new ServiceCost(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ServiceCost::total).reversed().thenComparing(ServiceCost::service))
                .limit(TOP_SERVICES).toList();
    }

    private static Map<String, BigDecimal> totalsByOwner(Allocation allocation) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        allocation.lines().forEach(line -> totals.merge(line.owner(), line.amount(), BigDecimal::add));
        return totals;
    }

    private static BigDecimal sum(List<AllocatedLine> lines) {
        return lines.stream().map(AllocatedLine::amount).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN);
    }
}
