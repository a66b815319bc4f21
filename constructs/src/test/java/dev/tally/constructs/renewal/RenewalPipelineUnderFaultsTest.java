package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.harness.PipelineWiring;
import dev.tally.functions.harness.RenewalHarness;
import dev.tally.functions.harness.WorkerDied;
import dev.tally.functions.harness.WorkerFunction;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.SqsEvents;
import dev.tally.functions.support.TopicInbox;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A renewal-day burst through the pipeline as this construct deploys it (the queue, event source and request model
 * numbers read from the synthesized template), run by the local harness on real peers, with every fault the design
 * claims to survive injected at once: duplicate deliveries of the same message, client retries, workers dying
 * part-way through a batch after some credits committed, hot customers receiving many renewals at once, DynamoDB
 * throttling answered in front of moto, and poison messages. Then: every accepted renewal credited exactly once,
 * every balance the sum of its accepted renewals, nothing credited that was not accepted, the poison messages in the
 * DLQ after {@code maxReceiveCount} receives, exactly one SMS per credited renewal, and the faults really happened.
 *
 * <p>The worker's timeout is set to 3 s and {@code maxReceiveCount} to 3 (so the construct derives a visibility
 * timeout of 18 s) and the worker's maximum concurrency to 4 (the one moto
 * server serves one request at a time on a loaded 2-core machine: more workers only queue on it and run out of
 * their time budget) to keep the run bounded: a redelivery waits for the visibility timeout, and a poison message for
 * three of them. Everything else is the construct's default.
 */
@ExtendWith(LocalPeersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("RenewalPipeline under faults: exactly once on local peers")
class RenewalPipelineUnderFaultsTest {
  private static final int RENEWALS = 600;
  private static final int ORDINARY_CUSTOMERS = 100;
  private static final int HOT_CUSTOMERS = 4;
  /** A quarter of all renewals go to the few hot customers: many credits of one item at once. */
  private static final double HOT_SHARE = 0.25;
  private static final double CLIENT_RETRY_SHARE = 0.05;
  private static final int INVALID_REQUESTS = 20;
  private static final int POISON_MESSAGES = 4;
  private static final int THROTTLE_EVERY = 10;
  private static final int DUPLICATE_EVERY = 13;
  private static final int DIE_EVERY = 7;
  private static final int MAX_DEATHS = 8;
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(150);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
  private final AtomicInteger deaths = new AtomicInteger();
  private PipelineWiring wiring;
  private RenewalHarness harness;
  /** Accepted renewal id → its customer and amount. */
  private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
  private final Set<String> poisonBodies = ConcurrentHashMap.newKeySet();
  private int refused;
  private boolean drained;
  private List<TopicInbox.Notification> notifications;
  private List<Map<String, AttributeValue>> items;
  private List<Message> deadLetters;

  record Accepted(String customerId, BigDecimal amount) {}

  @BeforeAll
  void runTheBurst(LocalPeers peers) throws Exception {
    Stack stack = PipelineFixtures.newStack();
    new RenewalPipeline(stack, "Renewals", PipelineFixtures.minimalProps()
        .workerTimeout(software.amazon.awscdk.Duration.seconds(3))
        .workerMaxBatchingWindow(software.amazon.awscdk.Duration.seconds(0))
        .workerMaxConcurrency(4)
        .maxReceiveCount(3)
        .build());
    DeployedPipeline deployed = DeployedPipeline.of(Template.fromStack(stack));
    wiring = deployed.wiring();
    harness = RenewalHarness.start(peers, wiring, RenewalHarness.Options.defaults()
        .gates(deployed.renewalGate(), deployed.balanceGate())
        .throttleEvery(THROTTLE_EVERY)
        .duplicateEvery(DUPLICATE_EVERY)
        .workerFault(this::diesPartWay));

    long start = System.nanoTime();
    postEverything();
    progress(start, "posted " + accepted.size() + " accepted, " + refused + " refused");
    drained = harness.awaitDrained(DRAIN_LIMIT);
    progress(start, "drained=" + drained + " queue " + harness.queueDepth() + " " + harness.figures() + " events "
        + harness.events().all());
    harness.stopDelivery();
    notifications = harness.inbox().take();
    items = scanTable();
    deadLetters = drainDeadLetters();
    progress(start, "read back " + notifications.size() + " notifications, " + items.size() + " items, "
        + deadLetters.size() + " dead letters");
  }

  private static void progress(long start, String what) {
    System.err.printf("fault test +%.1fs: %s%n", (System.nanoTime() - start) / 1e9, what);
  }

  /** Every {@code DIE_EVERY}-th invocation credits the first half of its batch, then dies without answering. */
  private WorkerFunction diesPartWay(WorkerFunction real) {
    AtomicInteger invocations = new AtomicInteger();
    return (batch, context) -> {
      if (batch.getRecords().size() >= 2 && invocations.incrementAndGet() % DIE_EVERY == 0
          && deaths.incrementAndGet() <= MAX_DEATHS) {
        List<SQSEvent.SQSMessage> firstHalf = batch.getRecords().subList(0, batch.getRecords().size() / 2);
        SQSBatchResponse partial = real.invoke(SqsEvents.batch(firstHalf), context);
        throw new WorkerDied(firstHalf.size() - partial.getBatchItemFailures().size());
      }
      return real.invoke(batch, context);
    };
  }

  private void postEverything() throws Exception {
    Random random = new Random(20261130L);
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < RENEWALS; i++) {
      String customer = random.nextDouble() < HOT_SHARE ? "CUST-HOT-" + random.nextInt(HOT_CUSTOMERS)
          : "CUST-" + (10_000 + random.nextInt(ORDINARY_CUSTOMERS));
      BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
      HttpRequest request = renewal("key-" + i, "{\"customerId\":\"" + customer + "\",\"planId\":\"FIBER-100\","
          + "\"amount\":" + amount.toPlainString() + "}");
      requests.add(request);
      if (random.nextDouble() < CLIENT_RETRY_SHARE) {
        requests.add(request);
      }
    }
    for (int i = 0; i < INVALID_REQUESTS; i++) {
      requests.add(renewal("bad-" + i, "{\"customerId\":\"CUST-10001\",\"planId\":\"FIBER-100\",\"amount\":"
          + (i % 2 == 0 ? "-5" : "\"lots\"") + "}"));
    }
    java.util.Collections.shuffle(requests, random);
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (HttpRequest request : requests) {
      answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      if (answers.size() == requests.size() / 2) {
        for (int p = 0; p < POISON_MESSAGES; p++) {
          String body = "{\"renewalId\":\"poison-" + p + "\",\"customerId\":\"CUST-10001\"}";
          poisonBodies.add(body);
          harness.sqs().sendMessage(send -> send.queueUrl(harness.queueUrl()).messageBody(body));
        }
      }
    }
    int invalid = 0;
    for (int i = 0; i < requests.size(); i++) {
      HttpResponse<String> answer = answers.get(i).get();
      String body = requests.get(i).bodyPublisher().isPresent() ? bodyOf(answer) : "";
      if (answer.statusCode() == 202) {
        String renewalId = json.readTree(answer.body()).get("renewalId").asText();
        JsonNode sent = sentBodies.get(requests.get(i));
        accepted.put(renewalId, new Accepted(sent.get("customerId").asText(), sent.get("amount").decimalValue()));
      } else {
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        invalid++;
      }
    }
    refused = invalid;
  }

  private final Map<HttpRequest, JsonNode> sentBodies = new ConcurrentHashMap<>();

  private HttpRequest renewal(String key, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(harness.endpoint() + "/renewals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    sentBodies.put(request, json.readTree(body));
    return request;
  }

  private static String bodyOf(HttpResponse<String> answer) {
    return answer.body();
  }

  private List<Map<String, AttributeValue>> scanTable() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    harness.dynamoDb().scanPaginator(request -> request.tableName(harness.table()).consistentRead(true))
        .items().forEach(all::add);
    return all;
  }

  private List<Message> drainDeadLetters() {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> page = harness.sqs().receiveMessage(request -> request.queueUrl(harness.deadLetterQueueUrl())
          .maxNumberOfMessages(10).waitTimeSeconds(0)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      page.forEach(m -> harness.sqs().deleteMessage(request -> request.queueUrl(harness.deadLetterQueueUrl())
          .receiptHandle(m.receiptHandle())));
    }
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @DisplayName("the harness ran with the construct's numbers: batch 10, max concurrency 4, visibility 18 s")
  void wiringFromTheTemplate() {
    assertThat(wiring.workerBatchSize()).isEqualTo(10);
    assertThat(wiring.workerMaxConcurrency()).isEqualTo(4);
    assertThat(harness.figures().peakConcurrentWorkers()).isBetween(1, wiring.workerMaxConcurrency());
    assertThat(wiring.maxReceiveCount()).isEqualTo(3);
    assertThat(wiring.workerTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(wiring.queueVisibilityTimeout()).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  @DisplayName("the burst drained within its bound, and every fault really happened")
  void faultsHappened() {
    assertThat(drained).as("queue empty and stream quiet within " + DRAIN_LIMIT).isTrue();
    RenewalHarness.Figures figures = harness.figures();
    assertThat(figures.throttled()).as("throttled writes").isPositive();
    assertThat(figures.duplicatesInjected()).as("duplicate deliveries").isPositive();
    assertThat(figures.failedWorkerInvocations()).as("workers that died part-way").isPositive();
    assertThat(harness.events().count("renewal.already_credited") + harness.events().count("renewal.duplicate"))
        .as("deliveries recognised as already credited").isPositive();
    assertThat(refused).isEqualTo(INVALID_REQUESTS);
    Map<String, Long> perHotCustomer = accepted.values().stream().filter(a -> a.customerId().startsWith("CUST-HOT"))
        .collect(Collectors.groupingBy(Accepted::customerId, Collectors.counting()));
    assertThat(perHotCustomer).hasSize(HOT_CUSTOMERS).allSatisfy((customer, count) ->
        assertThat(count).as(customer).isGreaterThan((long) (RENEWALS * HOT_SHARE / HOT_CUSTOMERS / 2)));
  }

  @Test
  @DisplayName("every accepted renewal is credited exactly once, and nothing that was not accepted is credited")
  void creditedExactlyOnce() {
    Map<String, Long> records = items.stream().filter(item -> item.get(RenewalTable.SK).s()
        .startsWith(RenewalTable.RENEWAL_SK_PREFIX))
        .collect(Collectors.groupingBy(item -> item.get(RenewalTable.RENEWAL_ID).s(), Collectors.counting()));
    assertThat(accepted).hasSizeGreaterThan(RENEWALS * 9 / 10);
    assertThat(records.keySet()).as("credited renewals").containsExactlyInAnyOrderElementsOf(accepted.keySet());
    assertThat(records.values()).allMatch(count -> count == 1);
    assertThat(items).filteredOn(item -> item.get(RenewalTable.SK).s().startsWith(RenewalTable.RENEWAL_SK_PREFIX))
        .allSatisfy(item -> assertThat(item.get(RenewalTable.STATUS).s()).isEqualTo(RenewalTable.STATUS_CREDITED));
  }

  @Test
  @DisplayName("every balance is the sum of its customer's accepted renewals")
  void balancesAreSums() {
    Map<String, BigDecimal> expected = new TreeMap<>();
    accepted.values().forEach(a -> expected.merge(a.customerId(), a.amount(), BigDecimal::add));
    Map<String, BigDecimal> actual = new TreeMap<>();
    items.stream().filter(item -> RenewalTable.BALANCE_SK.equals(item.get(RenewalTable.SK).s()))
        .forEach(item -> actual.put(item.get(RenewalTable.CUSTOMER_ID).s(),
            new BigDecimal(item.get(RenewalTable.BALANCE).n())));
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((customer, sum) ->
        assertThat(actual.get(customer)).as(customer).isEqualByComparingTo(sum));
  }

  @Test
  @DisplayName("the poison messages wait in the DLQ after maxReceiveCount receives; anything else there is harmless")
  void poisonInTheDeadLetterQueue() {
    // A poison message the event source delivered twice is two poison messages: both end in the DLQ.
    assertThat(deadLetters).extracting(Message::body).containsAll(poisonBodies);
    assertThat(deadLetters).allSatisfy(message ->
        assertThat(harness.receiveCount(message.messageId())).as(message.body()).isEqualTo(wiring.maxReceiveCount()));
    // A good message can fail maxReceiveCount times too after its credit committed (its worker died or ran out of
    // time before acknowledging, three times): it must be one already credited, so redriving the DLQ is a no-op.
    Set<String> credited = items.stream().filter(item -> item.get(RenewalTable.SK).s()
        .startsWith(RenewalTable.RENEWAL_SK_PREFIX)).map(item -> item.get(RenewalTable.RENEWAL_ID).s())
        .collect(Collectors.toSet());
    assertThat(deadLetters).filteredOn(message -> !poisonBodies.contains(message.body())).allSatisfy(message -> {
      String renewalId = readRenewalId(message.body());
      assertThat(credited).as("dead-lettered good message %s", renewalId).contains(renewalId);
    });
  }

  private String readRenewalId(String body) {
    try {
      return json.readTree(body).get("renewalId").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("exactly one SMS per credited renewal, none for anything else")
  void oneNotificationEach() {
    Map<String, Long> perRenewal = notifications.stream()
        .collect(Collectors.groupingBy(n -> n.attributes().get("renewalId"), Collectors.counting()));
    assertThat(perRenewal.keySet()).containsExactlyInAnyOrderElementsOf(accepted.keySet());
    assertThat(perRenewal.values()).allMatch(count -> count == 1);
  }
}
