package dev.tally.audit.chargeback.source.athena;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What Athena bills for the data a query scanned, at the list price of SQL queries: USD 5.00 per TB scanned, counted
 * in whole megabytes rounded up, with a 10 MB minimum per query (AWS "Amazon Athena pricing"; TB and MB taken as
 * 2^40 and 2^20 bytes). DDL and failed queries are not billed; cancelled ones are billed for what they scanned.
 */
public final class AthenaScanPrice {
    static final BigDecimal USD_PER_TB = new BigDecimal("5.00");
    static final long MB = 1L << 20;
    static final long MINIMUM_MB = 10;
    private static final BigDecimal MB_PER_TB = BigDecimal.valueOf(1L << 20);

    private AthenaScanPrice() {
    }

    /** The megabytes one query is billed for. */
    static long billedMegabytes(long bytesScanned) {
        long mb = (bytesScanned + MB - 1) / MB;
        return Math.max(mb, MINIMUM_MB);
    }

    /** USD for one query, 6 decimal places. */
    public static BigDecimal usd(long bytesScanned) {
        return USD_PER_TB.multiply(BigDecimal.valueOf(billedMegabytes(bytesScanned)))
                .divide(MB_PER_TB, 6, RoundingMode.HALF_UP);
    }

    /** Bytes in a unit a person reads (B, KB, MB, GB, TB; binary, one decimal). */
    static String humanBytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
