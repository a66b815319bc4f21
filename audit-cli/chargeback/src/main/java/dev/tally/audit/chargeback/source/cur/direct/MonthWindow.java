package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.source.cur.parquet.ColumnStatistics;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetColumn;
import dev.tally.audit.chargeback.source.cur.parquet.PhysicalType;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The billing month as a half-open range of epoch microseconds (UTC), and the conversion of a
 * {@code bill_billing_period_start_date} value to it, so the filter matches the SQL's
 * {@code CAST(bill_billing_period_start_date AS TIMESTAMP)} range with the session in UTC.
 */
final class MonthWindow {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final long startMicros;
    private final long endMicros;

    MonthWindow(YearMonth month) {
        this.startMicros = micros(month);
        this.endMicros = micros(month.plusMonths(1));
    }

    private static long micros(YearMonth month) {
        return month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    }

    boolean contains(long micros) {
        return micros >= startMicros && micros < endMicros;
    }

    /** A raw column value (as {@code ColumnChunk.longs()} holds it) in epoch microseconds. */
    static long toMicros(ParquetColumn column, long raw) {
        if (column.type() == PhysicalType.INT96) {
            return raw;
        }
        if (column.type() == PhysicalType.INT32) {
            return raw * MICROS_PER_DAY;
        }
        return switch (column.timeUnit()) {
            case MILLIS -> raw * 1000;
            case MICROS -> raw;
            case NANOS -> raw / 1000; // DuckDB truncates toward zero
        };
    }

    /** Whether a row group's min/max statistics prove it holds no line item of the month. */
    boolean excludes(ParquetColumn column, Optional<ColumnStatistics> statistics) {
        return range(column, statistics)
                .map(micros -> micros[1] < startMicros || micros[0] >= endMicros)
                .orElse(false);
    }

    /**
     * The first and last billing period of a row group in epoch microseconds, from its statistics; empty when they
     * are absent or, for INT96 (which has no defined sort order), prove nothing.
     */
    static Optional<long[]> range(ParquetColumn column, Optional<ColumnStatistics> statistics) {
        if (statistics.isEmpty() || column.type() == PhysicalType.INT96) {
            return Optional.empty();
        }
        ColumnStatistics stats = statistics.get();
        if (stats.minLong().isEmpty() || stats.maxLong().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new long[] {toMicros(column, stats.minLong().getAsLong()),
                toMicros(column, stats.maxLong().getAsLong())});
    }
}
