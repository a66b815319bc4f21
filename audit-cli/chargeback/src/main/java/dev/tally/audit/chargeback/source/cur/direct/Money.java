package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;

/**
 * Money as DuckDB's {@code CAST(x AS DECIMAL(38,10))} makes it, held as a {@code long} count of 10<sup>-10</sup>
 * units: the cost expression and the report stay exact decimals, and the direct reader gives the very digits the SQL
 * engine gives.
 */
final class Money {
    /** The scale of every amount: 10 decimal places. */
    static final int SCALE = 10;
    private static final double UNITS_PER_ONE = 1e10;
    /** Just under 2<sup>63</sup>: past it a line item's units may not fit a long. */
    private static final double LONG_LIMIT = 9.2e18;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Money() {
    }

    /**
     * DuckDB's double-to-decimal cast: multiply by 10<sup>10</sup> in double arithmetic, then round half away from zero
     * (C {@code round}), as {@code DoubleToDecimalCast} does.
     */
    static long fromDouble(double value, String column) {
        double scaled = value * UNITS_PER_ONE;
        double magnitude = Math.abs(scaled);
        if (!(magnitude < LONG_LIMIT)) {
            // NaN, infinite, or a single line item over about 922 million: let DuckDB's wider decimals decide.
            throw new UnsupportedParquetException("value " + value + " in column " + column
                    + " is outside the direct reader's exact range");
        }
        double whole = Math.floor(magnitude);
        if (magnitude - whole >= 0.5) {
            whole += 1;
        }
        return (long) Math.copySign(whole, scaled);
    }

    /** An exact decimal stored as {@code unscaled × 10^-scale} (Parquet DECIMAL), in 10<sup>-10</sup> units. */
    static long fromDecimal(long unscaled, int scale, String column) {
        if (scale > SCALE || scale < 0) {
            throw new UnsupportedParquetException("DECIMAL scale " + scale + " in column " + column);
        }
        long factor = POWERS_OF_TEN[SCALE - scale];
        long units = unscaled * factor;
        if (unscaled != 0 && (units / factor != unscaled)) {
            throw new UnsupportedParquetException("value in column " + column
                    + " is outside the direct reader's exact range");
        }
        return units;
    }
}
