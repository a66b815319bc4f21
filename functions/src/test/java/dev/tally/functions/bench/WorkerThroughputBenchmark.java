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
 * Renewal-day burst through the worker against DynamoDB Local: R renewals of C customers, a share of them delivered
 * twice (as SQS may), in batches of 10 by W concurrent "Lambda instances". Checks that every balance equals the sum
 * of its distinct renewals, then writes {@code worker-throughput.json}. It measures the handler code and the local
 * peer on this machine, not DynamoDB's service limits.
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

    // DynamoDB Local drops this file into the working directory even in memory; remove it again if it was ours.
    Path metadata = Path.of("dynamodb-local-metadata.json");
    boolean metadataExisted = Files.exists(metadata);
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

      List<SQSEvent> batches = new ArrayList<>();
      for (int start = 0; start < deliveries.size(); start += 10) {
        batches.add(SqsEvents.batch(deliveries.subList(start, Math.min(start + 10, deliveries.size()))));
      }
      AtomicInteger failures = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      long started = System.nanoTime();
      try {
        List<Future<SQSBatchResponse>> results = new ArrayList<>();
        for (SQSEvent batch : batches) {
          results.add(pool.submit(() -> crediter.credit(batch)));
        }
        for (Future<SQSBatchResponse> result : results) {
          failures.addAndGet(result.get().getBatchItemFailures().size());
        }
      } finally {
        pool.shutdown();
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      int wrongBalances = 0;
      for (int customer = 0; customer < customers; customer++) {
        var item = RenewalTables.balanceItem(dynamoDb, table, customerId(customer));
        BigDecimal actual = item.isEmpty() ? BigDecimal.ZERO : new BigDecimal(item.get("balance").n());
        if (actual.compareTo(expected[customer]) != 0) {
          wrongBalances++;
        }
      }

      ObjectMapper json = Json.newMapper();
      ObjectNode report = json.createObjectNode()
          .put("benchmark", "worker-throughput")
          .put("peer", "DynamoDB Local 2.6.1 (in memory, loopback)")
          .put("renewals", renewals)
          .put("deliveries", deliveries.size())
          .put("duplicateDeliveries", deliveries.size() - renewals)
          .put("customers", customers)
          .put("workers", workers)
          .put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("deliveriesPerSecond", Math.round(deliveries.size() / seconds))
          .put("failedDeliveries", failures.get())
          .put("customersWithWrongBalance", wrongBalances);
      Files.createDirectories(out);
      Path file = out.resolve("worker-throughput.json");
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
      System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      System.out.println("written to " + file.toAbsolutePath());
      if (failures.get() > 0 || wrongBalances > 0) {
        throw new IllegalStateException(failures.get() + " failed deliveries, " + wrongBalances
            + " customers with a wrong balance");
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not write the benchmark report under " + out, e);
    } finally {
      if (!metadataExisted) {
        Files.deleteIfExists(metadata);
      }
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
