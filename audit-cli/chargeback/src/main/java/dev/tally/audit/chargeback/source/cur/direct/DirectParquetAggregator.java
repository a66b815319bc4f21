package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.CurGroup;
import dev.tally.audit.chargeback.source.cur.CurMonthAggregate;
import dev.tally.audit.chargeback.source.cur.CurTag;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetFile;
import dev.tally.audit.chargeback.source.cur.parquet.ReadBuffers;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Aggregates a CUR month straight from Parquet column chunks, without SQL: one pass that groups by dictionary ids and
 * keeps the ungrouped total beside the groups. It exists for speed (DuckDB spends most of a month's scan on per-row map
 * lookups and string group keys) and gives exactly what {@code SqlMonthAggregator} gives for the same files.
 *
 * <p>Row groups are shared out to {@code threads} workers, each with its own accumulator, so memory is one row group
 * per worker plus the groups, whatever the number of line items. Anything the reader does not handle (an encoding,
 * a compression, a column type, a value beyond its exact range) ends the attempt with
 * {@link UnsupportedParquetException} before a result exists; the caller then uses DuckDB.
 */
public final class DirectParquetAggregator {
    /** The engine name in {@link CurMonthAggregate#engine()}. */
    public static final String ENGINE = "parquet-direct";
    private final List<Path> files;
    private final int threads;

    public DirectParquetAggregator(List<Path> files, int threads) {
        this.files = List.copyOf(files);
        this.threads = threads;
    }

    /**
     * @throws UnsupportedParquetException when these files need DuckDB (the message says why)
     * @throws IOException                 when a file cannot be read or is not valid Parquet
     */
    public CurMonthAggregate aggregate(YearMonth month, CostMetric metric, List<CurTag> tags,
            Set<String> netColumnsPresent) throws IOException {
        List<ParquetFile> opened = new ArrayList<>();
        try {
            List<RowGroupScan> scans = new ArrayList<>();
            List<CurFileColumns> layouts = new ArrayList<>();
            StringIds ids = new StringIds();
            MonthWindow window = new MonthWindow(month);
            for (Path path : files) {
                ParquetFile file = ParquetFile.open(path);
                opened.add(file);
                CurFileColumns columns = CurFileColumns.resolve(file, metric, !tags.isEmpty(), netColumnsPresent);
                layouts.add(columns);
                for (int rowGroup = 0; rowGroup < file.rowGroupCount(); rowGroup++) {
                    scans.add(new RowGroupScan(file, rowGroup, columns, window, metric, tags, ids));
                }
            }
            CurFileColumns.checkSameMoneyTypes(layouts);
            MonthAccumulator summed = run(scans, 3 + tags.size(), threads);
            return result(summed, ids);
        } catch (ArithmeticException overflow) {
            throw new UnsupportedParquetException("a line item cost beyond the direct reader's exact range");
        } finally {
            closeAll(opened);
        }
    }

    /**
     * Runs the scans on workers, each pulling the next row group, and merges their sums. As many workers as
     * {@code threads}, but no more than the heap holds: each keeps one row group's columns (its largest) in memory.
     * Any failure in any worker fails the whole attempt; sums are merged only when every worker finished.
     */
    static MonthAccumulator run(List<? extends ScanTask> scans, int keyWidth, int threads) throws IOException {
        int workers = Math.max(1, Math.min(Math.min(threads, scans.size()), workersTheHeapHolds(scans)));
        AtomicInteger next = new AtomicInteger();
        MonthAccumulator[] sums = new MonthAccumulator[workers];
        Throwable[] failures = new Throwable[workers];
        Thread[] pool = new Thread[workers];
        int started = 0;
        try {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                sums[w] = new MonthAccumulator(keyWidth);
                pool[w] = new Thread(() -> {
                    ReadBuffers buffers = new ReadBuffers();
                    try {
                        for (int i = next.getAndIncrement(); i < scans.size(); i = next.getAndIncrement()) {
                            scans.get(i).into(sums[worker], buffers);
                        }
                    } catch (Throwable failure) { // an Error too: a worker that dies must never go unnoticed
                        failures[worker] = failure;
                        next.set(scans.size()); // stop the other workers early: the attempt has failed
                    }
                }, "tally-cur-" + w);
                pool[w].start();
                started++;
            }
        } catch (Throwable cannotStart) { // no thread for a worker: stop the started ones, then give up
            next.set(scans.size());
            failures[started] = cannotStart;
        }
        for (int w = 0; w < started; w++) {
            try {
                pool[w].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(scans.size());
                throw new IOException("interrupted while aggregating the CUR", e);
            }
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw asAttemptFailure(failure);
            }
        }
        MonthAccumulator merged = sums[0];
        for (int w = 1; w < workers; w++) {
            merged.addAll(sums[w]);
        }
        return merged;
    }

    /**
     * What a worker's failure means for the attempt: DuckDB, the reference, aggregates the month instead (and the
     * report's source line says why), unless the JVM itself is broken. A bug here must not cost the user the report.
     */
    private static IOException asAttemptFailure(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UnsupportedParquetException unsupported) {
            throw unsupported;
        }
        if (failure instanceof ArithmeticException) {
            throw new UnsupportedParquetException("a line item cost beyond the direct reader's exact range");
        }
        if (failure instanceof OutOfMemoryError) {
            // The worker's arrays are garbage now; DuckDB spills to disk where the heap does not reach.
            throw new UnsupportedParquetException("the Java heap (-Xmx " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB) ran out for these row groups");
        }
        if (failure instanceof VirtualMachineError broken && !(failure instanceof StackOverflowError)) {
            throw broken;
        }
        throw new UnsupportedParquetException("the direct reader failed (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")");
    }

    private static int workersTheHeapHolds(List<? extends ScanTask> scans) {
        long largest = scans.stream().mapToLong(ScanTask::heapEstimate).max().orElse(0);
        Runtime runtime = Runtime.getRuntime();
        // Half the heap for the workers' columns; the rest is the JVM's, the groups' and the report's.
        long budget = runtime.maxMemory() / 2;
        if (largest > budget) {
            throw new UnsupportedParquetException("row groups need about " + (largest >> 20) + " MiB of heap each,"
                    + " more than half of -Xmx " + (runtime.maxMemory() >> 20) + " MiB");
        }
        return (int) Math.min(Integer.MAX_VALUE, budget / Math.max(1, largest));
    }

    private static void closeAll(List<ParquetFile> files) throws IOException {
        IOException first = null;
        for (ParquetFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static CurMonthAggregate result(MonthAccumulator sum, StringIds ids) {
        List<CurGroup> groups = new ArrayList<>(sum.groups.size());
        sum.groups.forEach((key, units, lineItems) -> {
            List<String> tagValues = new ArrayList<>();
            for (int i = 3; i < key.length; i++) {
                tagValues.add(ids.value(key[i]));
            }
            groups.add(new CurGroup(ids.value(key[0]), ids.value(key[1]), ids.value(key[2]), tagValues,
                    decimal(units), lineItems));
        });
        groups.sort(SQL_ORDER);
        return new CurMonthAggregate(groups, decimal(sum.total()), sum.lineItems(), new TreeSet<>(sum.currencies()),
                sum.uninvoiced(), ENGINE);
    }

    private static BigDecimal decimal(BigInteger units) {
        return new BigDecimal(units, Money.SCALE);
    }

    /** {@code ORDER BY} account, service, type, tags: byte-wise (code point) string order, NULLs last. */
    static final Comparator<CurGroup> SQL_ORDER = (a, b) -> {
        int c = compareNullsLast(a.account(), b.account());
        if (c == 0) {
            c = compareNullsLast(a.service(), b.service());
        }
        if (c == 0) {
            c = compareNullsLast(a.lineItemType(), b.lineItemType());
        }
        for (int i = 0; c == 0 && i < a.tagValues().size(); i++) {
            c = compareNullsLast(a.tagValues().get(i), b.tagValues().get(i));
        }
        return c;
    };

    private static int compareNullsLast(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    /**
     * UTF-8 byte order (DuckDB's) is code point order; UTF-16 order differs only where a surrogate (a code point past
     * U+FFFF) meets U+E000..U+FFFF. Shifting those two ranges past each other gives code point order on UTF-16 units.
     */
    private static int codePointOrder(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
