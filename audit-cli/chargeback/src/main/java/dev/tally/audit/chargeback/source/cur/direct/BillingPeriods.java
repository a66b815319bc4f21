package dev.tally.audit.chargeback.source.cur.direct;

import static dev.tally.audit.chargeback.source.cur.CurColumns.BILLING_PERIOD_START;

import dev.tally.audit.chargeback.source.cur.parquet.ColumnChunk;
import dev.tally.audit.chargeback.source.cur.parquet.ColumnStatistics;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetColumn;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The billing months a CUR export holds, for the message that a requested month is absent (which is also the
 * report's note when the previous month is missing, so it is on every single-month run). A row group whose
 * statistics put its first and last billing period in one month is that month, unread; others are read.
 */
public final class BillingPeriods {
    private BillingPeriods() {
    }

    /** @throws dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException when a file's billing period column is not one the reader converts */
    public static SortedSet<YearMonth> of(List<Path> files) throws IOException {
        SortedSet<YearMonth> months = new TreeSet<>();
        for (Path path : files) {
            try (ParquetFile file = ParquetFile.open(path)) {
                ParquetColumn column = CurFileColumns.checkBillingPeriod(CurFileColumns.required(file,
                        BILLING_PERIOD_START));
                for (int rowGroup = 0; rowGroup < file.rowGroupCount(); rowGroup++) {
                    Optional<YearMonth> single = singleMonth(column, file.statistics(rowGroup, column));
                    if (single.isPresent()) {
                        months.add(single.get());
                    } else {
                        addAll(file.read(rowGroup, column), months);
                    }
                }
            }
        }
        return months;
    }

    private static Optional<YearMonth> singleMonth(ParquetColumn column, Optional<ColumnStatistics> statistics) {
        // Only a chunk known to hold no NULL is taken from its statistics alone; any other is read.
        if (statistics.isEmpty() || statistics.get().nullCount() != 0) {
            return Optional.empty();
        }
        Optional<long[]> range = MonthWindow.range(column, statistics);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        YearMonth first = month(range.get()[0]);
        return first.equals(month(range.get()[1])) ? Optional.of(first) : Optional.empty();
    }

    private static void addAll(ColumnChunk chunk, SortedSet<YearMonth> months) {
        long[] values = chunk.longs();
        boolean[] nulls = chunk.nulls();
        for (int i = 0; i < chunk.size(); i++) {
            if (nulls == null || !nulls[i]) {
                months.add(month(MonthWindow.toMicros(chunk.column(), values[i])));
            }
        }
    }

    private static YearMonth month(long epochMicros) {
        return YearMonth.from(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L)).atZone(ZoneOffset.UTC));
    }
}
