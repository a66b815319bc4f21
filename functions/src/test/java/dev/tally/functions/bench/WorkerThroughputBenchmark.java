package dev.tally.functions.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.functions.common.Json;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.common.StructuredLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.support.SqsEvents;
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Renewal-day burst through the worker against moto's DynamoDB (with the table's stream on, as deployed): R renewals
 * of C customers, a share of them delivered twice (as SQS may), in batches of 10 by W concurrent "Lambda
 * instances". Checks that every balance equals the sum of its distinct renewals and that every renewal has exactly
 * one record, then writes {@code worker-throughput.json} with the rate, the median and 95th percentile batch time,
 * and the machine's load average before and after (a shared machine's load says how much the rate means). It
 * measures the handler code and the local peer on this machine, not DynamoDB's service limits.
 *
 * <p>Arguments: {@code --renewals 1000 --customers 200 --workers 4 --duplicates 0.1 --out target/bench}.
 */
public final class WorkerThroughputBenchmark {
  private WorkerThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int renewals = intArg(args, "--renewals", 1000);
    int customers = intArg(args, "--customers", 200);
    int workers = intArg(args, "--workers", 4);
    double duplicateShare = Double.parseDouble(arg(args, "--duplicates", "0.1"));
    Path out = Path.of(arg(args, "--out", "target/bench"));

    String loadBefore = loadAverage();
    try (LocalPeers peers = LocalPeers.start()) {
      DynamoDbClient dynamoDb = peers.dynamoDb();
      String table = RenewalTables.create(dynamoDb, "bench");
      StructuredLog quiet = new StructuredLog(line -> { }, Clock.systemUTC());
      RenewalCrediter crediter = new RenewalCrediter(
          BalanceLedger.withDefaultRetries(dynamoDb, table, quiet, Clock.systemUTC()), quiet);

      Random random = new Random(42);
      RenewalMessageCodec codec = new RenewalMessageCodec();
      BigDecimal[] expected = new BigDecimal[customers];
      java.util.Arrays.fill(expected, BigDecimal.ZERO);
      List<SQSEvent.SQSMessage> deliveries = new ArrayList<>();
      for (int i = 0; i < renewals; i++) {
        int customer = random.nextInt(customers);
        BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(9500), 2);
        Renewal renewal = new Renewal(UUID.randomUUID().toString(), customerId(customer), "FIBER-100", amount,
            Instant.now());
        expected[customer] = expected[customer].add(amount);
        String body = codec.encode(renewal);
        deliveries.add(SqsEvents.record(UUID.randomUUID().toString(), body));
        if (random.nextDouble() < duplicateShare) {
          deliveries.add(SqsEvents.record(UUID.randomUUID().toString(), body));
        }
      }
      Collections.shuffle(deliveries, random);

      List<String> customerIds = new ArrayList<>();
      for (int customer = 0; customer < customers; customer++) {
        customerIds.add(customerId(customer));
      }
      List<SQSEvent> batches = new ArrayList<>();
      for (int start = 0; start < deliveries.size(); start += 10) {
        batches.add(SqsEvents.batch(deliveries.subList(start, Math.min(start + 10, deliveries.size()))));
      }
      AtomicInteger failures = new AtomicInteger();
      List<Long> batchNanos = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      long started = System.nanoTime();
      try {
        List<Future<SQSBatchResponse>> results = new ArrayList<>();
        for (SQSEvent batch : batches) {
          results.add(pool.submit(() -> {
            long batchStarted = System.nanoTime();
            SQSBatchResponse response = crediter.credit(batch);
            batchNanos.add(System.nanoTime() - batchStarted);
            return response;
          }));
        }
        for (Future<SQSBatchResponse> result : results) {
          failures.addAndGet(result.get().getBatchItemFailures().size());
        }
      } finally {
        pool.shutdown();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      String loadAfter = loadAverage();
      List<Long> sorted = batchNanos.stream().sorted().toList();

      int wrongBalances = 0;
      int records = 0;
      for (int customer = 0; customer < customers; customer++) {
        var item = RenewalTables.balanceItem(dynamoDb, table, customerIds.get(customer));
        BigDecimal actual = item.isEmpty() ? BigDecimal.ZERO : new BigDecimal(item.get("balance").n());
        if (actual.compareTo(expected[customer]) != 0) {
          wrongBalances++;
        }
        records += RenewalTables.renewalCount(dynamoDb, table, customerIds.get(customer));
      }

      ObjectMapper json = Json.newMapper();
      ObjectNode report = json.createObjectNode()
          .put("benchmark", "worker-throughput")
          .put("peer", peers.motoVersion() + " (one request at a time, loopback), table stream NEW_AND_OLD_IMAGES")
          .put("renewals", renewals)
          .put("deliveries", deliveries.size())
          .put("duplicateDeliveries", deliveries.size() - renewals)
          .put("customers", customers)
          .put("workers", workers)
          .put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("deliveriesPerSecond", Math.round(deliveries.size() / seconds))
          .put("batchMillisMedian", millis(sorted, 0.5))
          .put("batchMillisP95", millis(sorted, 0.95))
          .put("loadAverageBefore", loadBefore)
          .put("loadAverageAfter", loadAfter)
          .put("renewalRecords", records)
          .put("failedDeliveries", failures.get())
          .put("customersWithWrongBalance", wrongBalances);
      Files.createDirectories(out);
      Path file = out.resolve("worker-throughput.json");
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
      System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      System.out.println("written to " + file.toAbsolutePath());
      if (failures.get() > 0 || wrongBalances > 0 || records != renewals) {
        throw new IllegalStateException(failures.get() + " failed deliveries, " + wrongBalances
            + " customers with a wrong balance, " + records + " renewal records for " + renewals + " renewals");
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not write the benchmark report under " + out, e);
    }
  }

  /** The batch time at quantile {@code q} (nearest rank), in milliseconds with one decimal. */
  private static double millis(List<Long> sortedNanos, double q) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(q * sortedNanos.size()) - 1);
    return Math.round(sortedNanos.get(Math.max(index, 0)) / 1e5) / 10.0;
  }

  /** The 1, 5 and 15-minute load averages from {@code /proc/loadavg}, or "unknown" off Linux. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String customerId(int index) {
    return String.format("CUST-%05d", index);
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
