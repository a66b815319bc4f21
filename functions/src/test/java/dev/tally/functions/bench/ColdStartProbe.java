package dev.tally.functions.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.balance.BalanceHandler;
import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.support.ApiRequests;
import dev.tally.functions.support.SqsEvents;
import dev.tally.functions.support.StreamEvents;
import dev.tally.functions.worker.WorkerHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs in a fresh JVM started by {@link ColdStartBenchmark}: builds one handler the way the Lambda runtime does (its
 * public no-arg constructor, settings from the environment), sends it one real request against the local peers, and
 * prints {@code FIRST_RESPONSE <outcome>}. The parent times the process from launch to that line.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    String renewalId = UUID.randomUUID().toString();
    String outcome = switch (args[0]) {
      case "ingest" -> String.valueOf(new IngestHandler().handleRequest(ApiRequests.postRenewal(renewalId,
          "{\"customerId\":\"CUST-COLD\",\"planId\":\"FIBER-100\",\"amount\":25.00}"), null).getStatusCode());
      case "balance" -> String.valueOf(new BalanceHandler().handleRequest(ApiRequests.getBalance("CUST-COLD"), null)
          .getStatusCode());
      case "worker" -> {
        String body = "{\"renewalId\":\"" + renewalId + "\",\"customerId\":\"CUST-COLD\",\"planId\":\"FIBER-100\","
            + "\"amount\":\"25.00\",\"acceptedAt\":\"" + Instant.now() + "\"}";
        SQSEvent batch = SqsEvents.batch(List.of(SqsEvents.record(renewalId, body)));
        yield "failures=" + new WorkerHandler().handleRequest(batch, null).getBatchItemFailures().size();
      }
      case "notifier" -> {
        var image = Map.of("pk", StreamEvents.s("CUSTOMER#CUST-COLD"), "sk", StreamEvents.s("RENEWAL#" + renewalId),
            "type", StreamEvents.s("RENEWAL"), "status", StreamEvents.s("CREDITED"),
            "renewalId", StreamEvents.s(renewalId), "customerId", StreamEvents.s("CUST-COLD"),
            "planId", StreamEvents.s("FIBER-100"), "amount", StreamEvents.n("25.00"));
        yield "failures=" + new NotifierHandler().handleRequest(StreamEvents.batch(List.of(
            StreamEvents.record("INSERT", "1", null, image))), null).getBatchItemFailures().size();
      }
      default -> throw new IllegalArgumentException("unknown handler " + args[0]
          + ": use ingest, worker, notifier or balance");
    };
    System.out.println("FIRST_RESPONSE " + outcome);
  }
}
