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

/**
 * The chargeback benchmark: for each size, a synthetic CUR month in Parquet, then (a) the CUR source alone (DuckDB
 * aggregation to rows) and (b) the whole chargeback (source, allocation with the bundled rules, reconciliation, report
 * model), each timed over several runs. Writes {@code <out>/chargeback.json} with the median wall time, line items per
 * second, and peak memory per size: JVM heap (sum of heap pools' peaks) and process RSS ({@code VmHWM}, which includes
 * DuckDB's native memory; reset between sizes through {@code /proc/self/clear_refs}).
 *
 * <p>Not part of the test run. Command (see the README, "Chargeback cost sources"):
 * {@code ChargebackBenchmark --sizes 1000000,10000000 --runs 3 --out target/bench --memory-limit 1GB}
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
            source.loadWithStats(BenchCur.MONTH, CostMetric.AMORTIZED, tags); // warm-up: JIT, file cache
            resetPeaks();
            List<Double> sourceSeconds = new ArrayList<>();
            List<Double> sourceCpuSeconds = new ArrayList<>();
            List<Double> endToEndSeconds = new ArrayList<>();
            CurLoad load = null;
            int outputRows = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                load = source.loadWithStats(BenchCur.MONTH, CostMetric.AMORTIZED, tags);
                sourceSeconds.add((System.nanoTime() - start) / 1e9);
                sourceCpuSeconds.add((processCpuNanos() - cpuStart) / 1e9);
                start = System.nanoTime();
                chargeback.produce(BenchCur.MONTH, CostMetric.AMORTIZED);
                endToEndSeconds.add((System.nanoTime() - start) / 1e9);
                outputRows = load.cost().rows().size();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("lineItems", load.lineItems());
            result.put("parquetBytes", Files.size(file));
            result.put("aggregatedRows", outputRows);
            result.put("sourceMedianSeconds", round(median(sourceSeconds)));
            result.put("sourceLineItemsPerSecond", Math.round(load.lineItems() / median(sourceSeconds)));
            // CPU seconds of the whole process (all DuckDB and JVM threads): on a shared machine, wall time measures
            // the neighbours too; line items per CPU-second times the cores is what dedicated cores would deliver.
            result.put("sourceMedianCpuSeconds", round(median(sourceCpuSeconds)));
            result.put("sourceLineItemsPerCpuSecond", Math.round(load.lineItems() / median(sourceCpuSeconds)));
            result.put("endToEndMedianSeconds", round(median(endToEndSeconds)));
            result.put("endToEndLineItemsPerSecond", Math.round(load.lineItems() / median(endToEndSeconds)));
            result.put("sourceRunsSeconds", sourceSeconds.stream().map(ChargebackBenchmark::round).toList());
            result.put("endToEndRunsSeconds", endToEndSeconds.stream().map(ChargebackBenchmark::round).toList());
            result.put("heapPeakMiB", heapPeakBytes() / (1024 * 1024));
            rssPeakKiB().ifPresent(kib -> result.put("rssPeakMiB", kib / 1024));
            results.add(result);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "tally chargeback: CUR source (DuckDB) and end to end (allocate, reconcile, report)");
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
