package dev.tally.audit.scan.report;

import dev.tally.audit.common.aws.ApiCallCost;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.check.AuditPolicy;
import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.pricing.CostEstimate;
import dev.tally.audit.scan.pricing.Pricer;
import dev.tally.audit.scan.run.ScanResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The pure half of a scan: runs the checks on the collected inventory, prices the findings and builds the report. */
public final class ScanEvaluation {
    private final Pricer pricer;
    private final Clock clock;
    private final List<String> policyFiles;

    /** An evaluation whose report names no policy files (tests of the checks alone). */
    public ScanEvaluation(Pricer pricer, Clock clock) {
        this(pricer, clock, List.of());
    }

    /**
     * @param policyFiles the report header's "which files were used" entries (thresholds, tag policy)
     */
    public ScanEvaluation(Pricer pricer, Clock clock, List<String> policyFiles) {
        this.pricer = pricer;
        this.clock = clock;
        this.policyFiles = List.copyOf(policyFiles);
    }

    public ScanReport evaluate(ScanResult result, List<Check> checks, AuditPolicy policy, ApiCallLedger ledger) {
        List<PricedFinding> priced = new ArrayList<>();
        List<CheckSummary> summary = new ArrayList<>();
        for (Check check : checks) {
            List<Finding> findings = check.evaluate(result.inventory(), policy);
            BigDecimal monthly = BigDecimal.ZERO;
            int unpriced = 0;
            for (Finding finding : findings) {
                CostEstimate estimate = pricer.estimate(finding.costBasis());
                priced.add(new PricedFinding(finding, estimate));
                monthly = monthly.add(estimate.monthlyUsd());
                unpriced += estimate instanceof CostEstimate.Unknown ? 1 : 0;
            }
            summary.add(new CheckSummary(check.id(), check.title(), findings.size(),
                    monthly.setScale(2, RoundingMode.HALF_UP), unpriced, !check.estimatesSavings()));
        }
        priced.sort(PricedFinding.BIGGEST_SAVING_FIRST);
        BigDecimal total = Pricer.total(priced.stream().map(PricedFinding::estimate).toList());
        return new ScanReport(clock.instant(), result.inventory().lastDay(), result.accounts(), result.regionsScanned(),
                checks, priced, summary, total, ledger.snapshot(), ApiCallCost.of(ledger), result.failures(),
                pricer.table(), policyFiles);
    }
}
