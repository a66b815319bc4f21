package dev.tally.audit.estimate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money as reports print it: {@code $1,234.56}, signed deltas {@code +$12.00}. */
public final class Dollars {
    private Dollars() {
    }

    public static String of(BigDecimal usd) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() < 0 ? "-$" : "$") + format.format(cents.abs());
    }

    /** {@code +$1.00}, {@code -$1.00}, {@code $0.00}. */
    public static String signed(BigDecimal usd) {
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() > 0 ? "+" : "") + of(cents);
    }

    /** A unit price without rounding away its digits: {@code $0.0000133334}. */
    public static String unitPrice(BigDecimal usd) {
        return "$" + usd.stripTrailingZeros().toPlainString();
    }

    /** A quantity: up to 4 decimals, grouped. */
    public static String quantity(BigDecimal quantity) {
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(quantity);
    }
}
