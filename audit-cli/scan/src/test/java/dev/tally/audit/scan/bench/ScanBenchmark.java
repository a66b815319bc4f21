package dev.tally.audit.scan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tally.audit.common.aws.ApiCallCost;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.collect.AwsInventoryCollector;
import dev.tally.audit.scan.collect.cloudwatch.MetricDataFetcher;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.run.AccountSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Scans a synthetic account served on loopback by {@link SyntheticAwsServer} through the real collector, twice per
 * repetition: with CloudWatch {@code GetMetricData} batched 500 queries per call (what the scan does) and with one
 * metric per call (the baseline of tools that fetch metric by metric). Writes wall times, medians, their ratio,
 * API calls by operation, metrics requested and the API cost to {@code <build dir>/bench/scan.json}.
 *
 * <p>Arguments (all optional): {@code --repetitions 3 --latency-ms 20 --instances 10000 --load-balancers 500
 * --buckets 2000 --regions 4 --parallelism 8 --max-seconds 900 --out <file>}. The run stops by itself: repetitions
 * are bounded and no new one starts after {@code --max-seconds}.
 */
public final class ScanBenchmark {
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2",
            "eu-central-1", "ap-northeast-1", "sa-east-1", "ca-central-1");

    static final String BATCHED = "batched-500";
    static final String BASELINE = "one-metric-per-call";

    /** One mode's measurement in one repetition. */
    record Run(String mode, long wallMillis, long regionsMillis, long bucketsMillis, long calls, Map<String, Long> callsByOperation, long metricsRequested,
               String apiCostUsd, int instances, int loadBalancers, int buckets) {
    }

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int repetitions = Integer.parseInt(options.getOrDefault("repetitions", "3"));
        int regions = Integer.parseInt(options.getOrDefault("regions", "4"));
        SyntheticAccount account = new SyntheticAccount("111122223333",
                Integer.parseInt(options.getOrDefault("instances", "10000")),
                Integer.parseInt(options.getOrDefault("load-balancers", "500")),
                Integer.parseInt(options.getOrDefault("buckets", "2000")),
                REGIONS.subList(0, regions),
                Integer.parseInt(options.getOrDefault("latency-ms", "20")));
        int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "8"));
        long maxMillis = Long.parseLong(options.getOrDefault("max-seconds", "900")) * 1000;
        Path out = options.containsKey("out") ? Path.of(options.get("out")) : defaultOut();

        Map<String, Object> report = run(account, repetitions, parallelism, maxMillis);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println("wrote " + out.toAbsolutePath());
        System.out.println("whole scan: batched median " + report.get("batchedMedianMillis")
                + " ms, one-metric-per-call median " + report.get("baselineMedianMillis") + " ms, ratio "
                + report.get("baselineOverBatched"));
        System.out.println("regions (EC2, ELB, CloudWatch, Tagging): batched median "
                + report.get("batchedRegionsMedianMillis") + " ms, one-metric-per-call median "
                + report.get("baselineRegionsMedianMillis") + " ms, ratio " + report.get("regionsBaselineOverBatched")
                + "; S3 part " + report.get("bucketsMedianMillis") + " ms");
    }

    /** Runs the repetitions and returns the report (also what the smoke test checks). */
    static Map<String, Object> run(SyntheticAccount account, int repetitions, int parallelism, long maxMillis)
            throws IOException {
        long started = System.nanoTime();
        List<Run> batched = new ArrayList<>();
        List<Run> baseline = new ArrayList<>();
        warmUp(account, parallelism);
        try (SyntheticAwsServer server = new SyntheticAwsServer(account)) {
            for (int r = 0; r < repetitions; r++) {
                if (r > 0 && (System.nanoTime() - started) / 1_000_000 > maxMillis) {
                    break;
                }
                // Alternate which mode goes first so neither always meets a colder JIT or a busier machine.
                if (r % 2 == 0) {
                    batched.add(scan(server, account, BATCHED, parallelism, MetricDataFetcher.MAX_QUERIES_PER_CALL));
                    baseline.add(scan(server, account, BASELINE, parallelism, 1));
                } else {
                    baseline.add(scan(server, account, BASELINE, parallelism, 1));
                    batched.add(scan(server, account, BATCHED, parallelism, MetricDataFetcher.MAX_QUERIES_PER_CALL));
                }
            }
        }
        long batchedMedian = median(batched, Run::wallMillis);
        long baselineMedian = median(baseline, Run::wallMillis);
        long batchedRegions = median(batched, Run::regionsMillis);
        long baselineRegions = median(baseline, Run::regionsMillis);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("account", Map.of("instances", account.instances(), "loadBalancers", account.loadBalancers(),
                "buckets", account.buckets(), "regions", account.regions(), "latencyMillisPerCall",
                account.latencyMillis(), "parallelism", parallelism, "metricDays", 14));
        report.put("repetitions", batched.size());
        report.put("batchedMedianMillis", batchedMedian);
        report.put("baselineMedianMillis", baselineMedian);
        report.put("baselineOverBatched", Math.round(100.0 * baselineMedian / Math.max(1, batchedMedian)) / 100.0);
        // The regional part (instances, load balancers, their metrics, tags) is where batching acts; the S3 part
        // (four calls per bucket) runs beside it and is the same in both modes.
        report.put("batchedRegionsMedianMillis", batchedRegions);
        report.put("baselineRegionsMedianMillis", baselineRegions);
        report.put("regionsBaselineOverBatched",
                Math.round(100.0 * baselineRegions / Math.max(1, batchedRegions)) / 100.0);
        report.put("bucketsMedianMillis", median(batched, Run::bucketsMillis));
        report.put("batched", batched);
        report.put("baseline", baseline);
        report.put("javaVersion", System.getProperty("java.version"));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        return report;
    }

    /** One untimed scan of each mode on a tenth of the account, so the measured runs do not pay for JIT warm-up. */
    private static void warmUp(SyntheticAccount account, int parallelism) throws IOException {
        SyntheticAccount small = new SyntheticAccount(account.accountId(), Math.max(1, account.instances() / 10),
                Math.max(1, account.loadBalancers() / 10), Math.max(1, account.buckets() / 10), account.regions(), 0);
        try (SyntheticAwsServer server = new SyntheticAwsServer(small)) {
            scan(server, small, BATCHED, parallelism, MetricDataFetcher.MAX_QUERIES_PER_CALL);
            scan(server, small, BASELINE, parallelism, 1);
        }
    }

    private static Run scan(SyntheticAwsServer server, SyntheticAccount account, String mode, int parallelism,
                            int queriesPerCall) {
        ApiCallLedger ledger = new ApiCallLedger();
        AwsSettings settings = new AwsSettings(Optional.empty(),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret"))),
                ledger).withEndpoint(server.endpoint());
        AccountSession session = new AccountSession(AuditAccount.of(account.accountId()), settings);
        AwsInventoryCollector collector = new AwsInventoryCollector(parallelism, queriesPerCall);
        CollectionScope scope = new CollectionScope(true, 14, true, 14, true, true,
                LocalDate.now(ZoneOffset.UTC).minusDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(account.regions().size() + 1);
        long start = System.nanoTime();
        try {
            List<String> regions = collector.enabledRegions(session, account.regions().get(0));
            AtomicLong bucketsDone = new AtomicLong();
            CompletableFuture<AccountInventory> s3 = CompletableFuture.supplyAsync(() -> {
                AccountInventory inventory = collector.collectAccount(session, account.regions().get(0), scope);
                bucketsDone.set(System.nanoTime());
                return inventory;
            }, pool);
            List<CompletableFuture<RegionInventory>> regional = regions.stream()
                    .map(region -> CompletableFuture.supplyAsync(() ->
                            collector.collectRegion(session, region, scope), pool))
                    .toList();
            List<RegionInventory> inventories = regional.stream().map(CompletableFuture::join).toList();
            long regionsDone = System.nanoTime();
            AccountInventory buckets = s3.join();
            long wall = (System.nanoTime() - start) / 1_000_000;
            int instances = inventories.stream().mapToInt(i -> i.instances().size()).sum();
            int loadBalancers = inventories.stream().mapToInt(i -> i.loadBalancers().size()).sum();
            if (instances != account.instances() || loadBalancers != account.loadBalancers()
                    || buckets.buckets().size() != account.buckets()) {
                throw new IllegalStateException(mode + " collected " + instances + " instances, " + loadBalancers
                        + " load balancers, " + buckets.buckets().size() + " buckets: not the synthetic account");
            }
            Map<String, Long> byOperation = new LinkedHashMap<>();
            ledger.snapshot().forEach((call, n) -> byOperation.put(call.toString(), n));
            ApiCallCost cost = ApiCallCost.of(ledger);
            return new Run(mode, wall, (regionsDone - start) / 1_000_000, (bucketsDone.get() - start) / 1_000_000,
                    ledger.total(), byOperation, ledger.metricsRequested(),
                    cost.totalUsd().toPlainString(), instances, loadBalancers, buckets.buckets().size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long median(List<Run> runs, ToLongFunction<Run> measure) {
        List<Long> walls = runs.stream().map(measure::applyAsLong).sorted().toList();
        if (walls.isEmpty()) {
            return 0;
        }
        int mid = walls.size() / 2;
        return walls.size() % 2 == 1 ? walls.get(mid) : (walls.get(mid - 1) + walls.get(mid)) / 2;
    }

    /** {@code <build dir>/bench/scan.json}: next to the test classes this runs from (target/ or target-<name>/). */
    private static Path defaultOut() throws URISyntaxException {
        Path classes = Path.of(ScanBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().resolve("bench").resolve("scan.json");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
