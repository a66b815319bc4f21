package dev.tally.audit.scan.report;

import dev.tally.audit.scan.pricing.CostEstimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats dollar amounts and estimates the same way in every human-facing output. */
final class Money {
    private Money() {
    }

    static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "$" + format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code $70.08/mo}, {@code unknown}, or {@code n/a}. */
    static String estimate(CostEstimate estimate) {
        if (estimate instanceof CostEstimate.Monthly monthly) {
            return usd(monthly.monthlyUsd()) + "/mo";
        }
        return estimate instanceof CostEstimate.Unknown ? "unknown" : "n/a";
    }

    /** The explanation behind an estimate: the rate used, or why there is no figure. */
    static String basis(CostEstimate estimate) {
        if (estimate instanceof CostEstimate.Monthly m) {
            String rate = "$" + m.hourlyUsd().stripTrailingZeros().toPlainString() + "/h x 730 h";
            return m.caveat().isEmpty() ? rate : rate + "; " + m.caveat();
        }
        if (estimate instanceof CostEstimate.Unknown u) {
            return u.why();
        }
        return ((CostEstimate.NotApplicable) estimate).why();
    }
}
