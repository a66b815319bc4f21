package dev.tally.audit.estimate.pricers;

import java.math.BigDecimal;
import java.math.MathContext;

/** Price-table units to the units a line is shown in. */
final class Money {
    /** Hours in AWS's billing month (the AWS Pricing Calculator's convention). */
    static final double HOURS_PER_MONTH = 730;

    private Money() {
    }

    /** A per-unit price shown per {@code per} units (per million, per thousand). */
    static BigDecimal per(BigDecimal price, double per) {
        return price.divide(BigDecimal.valueOf(per), MathContext.DECIMAL64);
    }
}
