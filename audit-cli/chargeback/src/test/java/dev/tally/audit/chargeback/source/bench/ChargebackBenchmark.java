package dev.tally.audit.chargeback.source.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tally.audit.chargeback.allocation.AllocationRulesLoader;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.run.ChargebackRun;
import dev.tally.audit.chargeback.source.cur.CurLoad;
import dev.tally.audit.chargeback.source.cur.CurSource;
import dev.tally.audit.chargeback.source.cur.DuckDbSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chargeback benchmark: for each size, a synthetic CUR month in Parquet (in its {@code BILLING_PERIOD=} folder),
 * then, interleaved in one loop so that all three see about the same machine load: (a) the CUR source alone
 * ({@code CurSource}: schema check, total and grouped queries), (b) the whole chargeback (source, allocation with the
 * bundled rules, reconciliation, report model, and the attempt to load the previous month) and (c) the baseline, a
 * minimal hand-written DuckDB aggregate over the same file ({@link BaselineAggregate}). Writes
 * {@code <out>/chargeback.json} with the median wall and CPU time of each, line items per second, the two ratios the
 * goals are stated in, and peak memory per size: JVM heap (sum of heap pools' peaks) and process RSS ({@code VmHWM},
 * which includes DuckDB's native memory; reset between sizes through {@code /proc/self/clear_refs}).
 *
 * <p>Not part of the test run. Command (see docs/chargeback.md, "Benchmark"):
 * {@code ChargebackBenchmark --sizes 1000000,10000000 --runs 5 --out target/bench --memory-limit 256MB}
 */
public final class ChargebackBenchmark {
    private final List<Long> sizes;
    private final int runs;
    private final Path out;
    private final String memoryLimit;

    ChargebackBenchmark(List<Long> sizes, int runs, Path out, String memoryLimit) {
        this.sizes = List.copyOf(sizes);
        this.runs = runs;
        this.out = out;
        this.memoryLimit = memoryLimit;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--sizes", "1000000,10000000", "--runs", "3",
                "--out", "target/bench", "--memory-limit", "1GB"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<Long> sizes = Arrays.stream(options.get("--sizes").split(",")).map(String::trim).map(Long::parseLong)
                .toList();
        Path json = new ChargebackBenchmark(sizes, Integer.parseInt(options.get("--runs")),
                Path.of(options.get("--out")), options.get("--memory-limit")).run();
        System.out.println(Files.readString(json));
    }

    Path run() throws Exception {
        String loadBefore = loadAverage();
        List<Map<String, Object>> results = new ArrayList<>();
        DuckDbSettings settings = DuckDbSettings.defaults().withMemoryLimit(memoryLimit);
        for (long size : sizes) {
            Path file = BenchCur.write(out.resolve("data"), size);
            CurSource source = new CurSource(List.of(file), settings);
            ChargebackRun chargeback = new ChargebackRun(source, new AllocationRulesLoader().loadBundled(),
                    "bundled rules", Clock.systemUTC());
            List<String> tags = new AllocationRulesLoader().loadBundled().ownerTagKeys();
            // Warm-up of all three: JIT, file cache, DuckDB's first connection.
            source.loadWithStats(BenchCur.MONTH, CostMetric.AMORTIZED, tags);
            chargeback.produce(BenchCur.MONTH, CostMetric.AMORTIZED);
            BaselineAggregate.run(file, settings.threads(), memoryLimit);
            resetPeaks();
            Timings sourceTimes = new Timings();
            Timings endToEnd = new Timings();
            Timings baseline = new Timings();
            CurLoad load = null;
            long baselineLineItems = 0;
            // Interleaved in one loop, so each of the three sees about the same machine load.
            for (int i = 0; i < runs; i++) {
                load = sourceTimes.time(() -> source.loadWithStats(BenchCur.MONTH, CostMetric.AMORTIZED, tags));
                endToEnd.time(() -> chargeback.produce(BenchCur.MONTH, CostMetric.AMORTIZED));
                baselineLineItems = baseline.time(() -> BaselineAggregate.run(file, settings.threads(), memoryLimit));
            }
            long heapPeak = heapPeakBytes();
            Optional<Long> rssPeak = rssPeakKiB();
            if (baselineLineItems != load.lineItems()) {
                throw new IllegalStateException("the baseline aggregated " + baselineLineItems
                        + " line items and the source " + load.lineItems());
            }
            long lineItems = load.lineItems();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("lineItems", lineItems);
            result.put("parquetBytes", Files.size(file));
            result.put("aggregatedRows", load.cost().rows().size());
            result.put("engine", load.engine());
            result.put("sourceMedianSeconds", round(sourceTimes.wallMedian()));
            result.put("sourceLineItemsPerSecond", Math.round(lineItems / sourceTimes.wallMedian()));
            // CPU seconds of the whole process (all threads): on a shared machine, wall time measures the neighbours
            // too; line items per CPU-second times the cores is what dedicated cores would deliver.
            result.put("sourceMedianCpuSeconds", round(sourceTimes.cpuMedian()));
            result.put("sourceLineItemsPerCpuSecond", Math.round(lineItems / sourceTimes.cpuMedian()));
            result.put("endToEndMedianSeconds", round(endToEnd.wallMedian()));
            result.put("endToEndLineItemsPerSecond", Math.round(lineItems / endToEnd.wallMedian()));
            result.put("endToEndMedianCpuSeconds", round(endToEnd.cpuMedian()));
            result.put("baselineMedianSeconds", round(baseline.wallMedian()));
            result.put("baselineLineItemsPerSecond", Math.round(lineItems / baseline.wallMedian()));
            result.put("baselineMedianCpuSeconds", round(baseline.cpuMedian()));
            // The goals: source >= 0.9x the baseline's throughput; end to end <= 1.15x the source's time.
            result.put("sourceThroughputVsBaseline", round(baseline.wallMedian() / sourceTimes.wallMedian()));
            result.put("endToEndTimeVsSource", round(endToEnd.wallMedian() / sourceTimes.wallMedian()));
            result.put("sourceRunsSeconds", sourceTimes.wallRuns());
            result.put("endToEndRunsSeconds", endToEnd.wallRuns());
            result.put("baselineRunsSeconds", baseline.wallRuns());
            result.put("heapPeakMiB", heapPeak / (1024 * 1024));
            rssPeak.ifPresent(kib -> result.put("rssPeakMiB", kib / 1024));
            results.add(result);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "tally chargeback: CUR source (DuckDB), end to end (allocate, reconcile, report) and a "
                + "minimal hand-written DuckDB aggregate over the same file, interleaved in one run");
        report.put("generatedAt", Instant.now().toString());
        report.put("metric", "AMORTIZED");
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("duckdbThreads", settings.threads());
        report.put("duckdbMemoryLimit", memoryLimit);
        report.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        report.put("runsPerSize", runs);
        report.put("java", System.getProperty("java.version"));
        // The machine may be shared: the load average says how much of the cores the benchmark really had.
        report.put("loadAverageBefore", loadBefore);
        report.put("loadAverageAfter", loadAverage());
        report.put("sizes", results);
        Files.createDirectories(out);
        Path json = out.resolve("chargeback.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        return json;
    }

    /** Wall and CPU seconds of repeated runs. */
    private static final class Timings {
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        /** Runs {@code work} once, recording its wall and process CPU seconds. */
        <T> T time(Supplier<T> work) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            T result = work.get();
            wall.add((System.nanoTime() - start) / 1e9);
            cpu.add((processCpuNanos() - cpuStart) / 1e9);
            return result;
        }

        double wallMedian() {
            return median(wall);
        }

        double cpuMedian() {
            return median(cpu);
        }

        List<Double> wallRuns() {
            return wall.stream().map(ChargebackBenchmark::round).toList();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            // "5" resets the peak resident set size (VmHWM) of this process (Linux 4.0+).
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException notLinux) {
            // Without it VmHWM is the process lifetime peak, which only overstates the later sizes; it is labelled.
        }
    }

    private static long heapPeakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static Optional<Long> rssPeakKiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException notLinux) {
            return Optional.empty();
        }
    }
}
