package dev.tally.audit.scan.report;

import java.math.BigDecimal;

/**
 * One check's line of the summary.
 *
 * @param checkId      the check
 * @param title        its title
 * @param findings     how many findings it produced
 * @param monthlyUsd   the monthly savings of its priced findings, USD
 * @param unpriced     findings whose saving could not be priced (unknown type or region)
 * @param notMonetary  true when the check's findings are about exposure or allocation, not spend
 */
public record CheckSummary(String checkId, String title, int findings, BigDecimal monthlyUsd, int unpriced,
                           boolean notMonetary) {
}
