package dev.tally.audit.scan.report;

import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.pricing.CostEstimate;
import java.util.Comparator;

/**
 * A finding with its monthly dollar figure.
 *
 * @param finding  what was found
 * @param estimate what acting on it saves per month (or why there is no figure)
 */
public record PricedFinding(Finding finding, CostEstimate estimate) {

    /** Biggest saving first; then most severe; then a stable order by check, account, region and resource. */
    public static final Comparator<PricedFinding> BIGGEST_SAVING_FIRST = Comparator
            .comparing((PricedFinding p) -> p.estimate().monthlyUsd()).reversed()
            .thenComparing((PricedFinding p) -> p.finding().severity(), Comparator.reverseOrder())
            .thenComparing(p -> p.finding().checkId())
            .thenComparing(p -> p.finding().accountId())
            .thenComparing(p -> p.finding().region())
            .thenComparing(p -> p.finding().resourceId());
}
