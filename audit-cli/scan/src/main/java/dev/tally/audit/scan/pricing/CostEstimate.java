package dev.tally.audit.scan.pricing;

import java.math.BigDecimal;

/** What acting on a finding is worth per month, or why there is no figure. */
public sealed interface CostEstimate {
    /** Hours in AWS's billing month, the convention of the AWS Pricing Calculator. */
    BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    /** The amount saved per month, in USD (zero for the non-monetary kinds), for sorting and totals. */
    BigDecimal monthlyUsd();

    /**
     * A monthly saving.
     *
     * @param monthlyUsd   on-demand hourly price × 730, in USD
     * @param hourlyUsd    the hourly price used, in USD
     * @param caveat       what makes the figure approximate (Spot, non-Linux platform), or empty
     */
    record Monthly(BigDecimal monthlyUsd, BigDecimal hourlyUsd, String caveat) implements CostEstimate {
    }

    /**
     * A priceable resource the table has no price for: reported as unknown, never as $0.
     *
     * @param why which price is missing, and from which table
     */
    record Unknown(String why) implements CostEstimate {
        @Override
        public BigDecimal monthlyUsd() {
            return BigDecimal.ZERO;
        }
    }

    /**
     * Not a spend finding (exposure, allocation).
     *
     * @param why what the finding costs instead
     */
    record NotApplicable(String why) implements CostEstimate {
        @Override
        public BigDecimal monthlyUsd() {
            return BigDecimal.ZERO;
        }
    }
}
