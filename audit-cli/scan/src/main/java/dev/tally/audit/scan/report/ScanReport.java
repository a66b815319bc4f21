package dev.tally.audit.scan.report;

import dev.tally.audit.common.aws.ApiCallCost;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.check.Severity;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.ScanFailure;
import dev.tally.audit.scan.pricing.PriceTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a renderer shows: what was scanned, the priced findings (biggest saving first), the summary, what the
 * scan's API calls cost, and what failed.
 *
 * @param generatedAt      when the scan finished, UTC
 * @param lastMetricsDay   the last complete UTC day metrics cover
 * @param accounts         the accounts listed for scanning
 * @param regionsScanned   account × region pairs collected successfully
 * @param checks           the checks that ran, in catalog order
 * @param findings         the findings, biggest monthly saving first
 * @param summary          one line per check that ran
 * @param totalMonthlyUsd  the sum of priced monthly savings, USD
 * @param apiCalls         calls made per service:operation
 * @param apiCallCost      what those calls cost at list prices
 * @param failures         the parts that failed (non-empty means the result is incomplete: exit code 3)
 * @param priceTable       the price table used (its snapshot date and source are shown)
 * @param policyFiles      which thresholds and tag policy files were used, one "label: file (why)" entry each
 */
public record ScanReport(
        Instant generatedAt,
        LocalDate lastMetricsDay,
        List<AuditAccount> accounts,
        int regionsScanned,
        List<Check> checks,
        List<PricedFinding> findings,
        List<CheckSummary> summary,
        BigDecimal totalMonthlyUsd,
        Map<ApiCallLedger.ApiCall, Long> apiCalls,
        ApiCallCost apiCallCost,
        List<ScanFailure> failures,
        PriceTable priceTable,
        List<String> policyFiles) {

    public ScanReport {
        accounts = List.copyOf(accounts);
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        summary = List.copyOf(summary);
        apiCalls = Map.copyOf(apiCalls);
        failures = List.copyOf(failures);
        policyFiles = List.copyOf(policyFiles);
    }

    /** Findings at or above a severity. */
    public long findingsAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.finding().severity().atLeast(severity)).count();
    }
}
