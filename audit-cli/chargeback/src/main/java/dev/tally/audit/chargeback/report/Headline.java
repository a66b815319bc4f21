package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The figures at the top of every report.
 *
 * @param total           the month's total, in cents (equals the reconciled report total)
 * @param previousTotal   the previous month's total under the same rules, when the source has that month
 * @param change          {@code total - previousTotal}
 * @param changePercent   {@code change / |previousTotal|} in percent, one decimal; empty when there is no previous
 *                        month or it was zero (a percentage of nothing is not a number)
 * @param untaggedSpend   untagged direct usage before any split, in cents
 * @param untaggedPercent {@code untaggedSpend / total} in percent, one decimal; empty when the total is not positive
 */
public record Headline(BigDecimal total, Optional<BigDecimal> previousTotal, Optional<BigDecimal> change,
        Optional<BigDecimal> changePercent, BigDecimal untaggedSpend, Optional<BigDecimal> untaggedPercent) {
}
