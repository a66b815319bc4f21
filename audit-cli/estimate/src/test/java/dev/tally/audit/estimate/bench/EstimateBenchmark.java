package dev.tally.audit.estimate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tally.audit.estimate.run.EstimateRequest;
import dev.tally.audit.estimate.run.EstimateRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times {@code tally estimate} end to end (read the assembly, resolve, price with a profile, render JSON) over a
 * synthetic assembly of {@code --resources} resources (default 500) in two stages, and writes
 * {@code target/bench/estimate.json}: the medians of a cold first run (in a fresh JVM, what a CI job pays) and of
 * {@code --runs} warm runs, each run's time, the resource counts by status, and the goal (under a second).
 *
 * <pre>{@code java -cp ... dev.tally.audit.estimate.bench.EstimateBenchmark --resources 500 --runs 10 --out target/bench}</pre>
 */
public final class EstimateBenchmark {
    private static final String PROFILE = """
            name: bench
            assumptions: ["synthetic traffic on every resource"]
            defaults:
              AWS::Lambda::Function: {requestsPerMonth: 1000000, averageDurationMs: 120, provisionedShare: 0.5}
              AWS::DynamoDB::Table: {writeRequestUnitsPerMonth: 1000000, readRequestUnitsPerMonth: 2000000, storageGb: 5}
              AWS::SQS::Queue: {messagesPerMonth: 500000}
              AWS::S3::Bucket: {newGbPerMonth: 20, newObjectsPerMonth: 40000, storedGb: 800}
              AWS::ECS::Service: {baselineTasks: 2, peak: {fromDay: 1, toDay: 10, tasks: 6}}
              AWS::Logs::LogGroup: {ingestedGbPerMonth: 1}
              AWS::SNS::Topic: {publishesPerMonth: 500000}
            """;

    private EstimateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int resources = 500;
        int runs = 10;
        Path out = Path.of("target/bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--resources" -> resources = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--resources N, --runs N, --out DIR)");
            }
        }
        Map<String, Object> report = run(resources, runs, Files.createDirectories(out));
        Path file = out.resolve("estimate.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println("wrote " + file);
    }

    static Map<String, Object> run(int resources, int runs, Path work) throws Exception {
        Path assembly = work.resolve("synthetic-cdk.out");
        deleteTree(assembly);
        int units = Math.max(1, (resources + SyntheticAssembly.RESOURCES_PER_UNIT - 1) / SyntheticAssembly.RESOURCES_PER_UNIT);
        int written = SyntheticAssembly.write(assembly, units);
        Path profile = Files.writeString(work.resolve("bench-usage.yaml"), PROFILE);
        EstimateRequest request = EstimateRequest.of(assembly, profile.toString(), null, null, List.of(), null,
                "us-east-1", null, work.resolve("no-refreshed-table.json"), "json");

        long coldStart = System.nanoTime();
        String first = EstimateRun.run(request).report();
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            EstimateRun.run(request);
            warm.add((System.nanoTime() - start) / 1e6);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("resources", written);
        report.put("stacks", Files.list(assembly.resolve("assembly-Production")).filter(f -> f.toString().endsWith(".template.json")).count()
                + Files.list(assembly.resolve("assembly-Staging")).filter(f -> f.toString().endsWith(".template.json")).count());
        report.put("counts", new ObjectMapper().readTree(first).path("counts"));
        report.put("monthlyUsd", new ObjectMapper().readTree(first).path("monthlyUsd").decimalValue());
        report.put("coldRunMillis", round(coldMillis));
        report.put("warmMedianMillis", round(median(warm)));
        report.put("warmRunsMillis", warm.stream().map(EstimateBenchmark::round).toList());
        report.put("goal", "price a 500-resource assembly in under 1,000 ms");
        report.put("goalMet", coldMillis < 1000);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.put("java", System.getProperty("java.version"));
        return report;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
