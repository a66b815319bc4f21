package dev.tally.audit.chargeback.report;

import dev.tally.audit.chargeback.allocation.PoolSummary;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.reconcile.Reconciliation;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything a chargeback report shows, in every format. Built by {@link ReportBuilder}; rendered by the
 * {@code *Renderer} classes. All amounts are in {@code currency}, scale 2.
 *
 * @param month          the billing month
 * @param metric         which cost figure (amortized by default)
 * @param source         where the numbers came from
 * @param monthClosed    false while the month can still change (figures are provisional)
 * @param currency       ISO 4217 code
 * @param rules          where the allocation rules came from
 * @param ownerTagKeys   the tag keys that named owners, in order
 * @param generatedAt    when the report was produced
 * @param headline       total, month-over-month, untagged share
 * @param owners         by total, largest first; {@code (unallocated)} last
 * @param departments    the owners rolled up to their parents, largest first
 * @param topServices    the largest services across owners (at most ten)
 * @param pools          what each shared or untagged pool came to and how it was split
 * @param reconciliation the check against the source's own total
 * @param previous       whether month-over-month figures exist
 * @param notes          what a reader must know (unsplittable pools, an open month)
 */
public record ChargebackReport(YearMonth month, CostMetric metric, String source, boolean monthClosed, String currency,
        String rules, List<String> ownerTagKeys, Instant generatedAt, Headline headline, List<OwnerCost> owners,
        List<DepartmentCost> departments, List<ServiceCost> topServices, List<PoolSummary> pools,
        Reconciliation reconciliation, PreviousMonth previous, List<String> notes) {
    public ChargebackReport {
        ownerTagKeys = List.copyOf(ownerTagKeys);
        owners = List.copyOf(owners);
        departments = List.copyOf(departments);
        topServices = List.copyOf(topServices);
        pools = List.copyOf(pools);
        notes = List.copyOf(notes);
    }

    /** The metric as people write it: {@code amortized}, {@code net-amortized}, {@code unblended}. */
    public String metricName() {
        return metric.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
