package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** How amounts read in reports: always two decimals, a dot, no currency symbol (the currency is stated once). */
final class Amounts {
    private Amounts() {
    }

    /** {@code 1234.50}, {@code -3.00}: for machines (CSV). */
    static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code 1,234.50}: for people (table, HTML). A new formatter per call: DecimalFormat is not thread-safe. */
    static String grouped(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    /** {@code +1,234.50} / {@code -3.00}: a change. */
    static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + grouped(amount);
    }

    /** {@code +12.5%}, or the fallback when there is no percentage. */
    static String signedPercent(Optional<BigDecimal> percent, String fallback) {
        return percent.map(p -> (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%").orElse(fallback);
    }

    static String percent(Optional<BigDecimal> percent, String fallback) {
        return percent.map(p -> p.toPlainString() + "%").orElse(fallback);
    }
}
