package dev.tally.functions.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.CrashingClient;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.support.SqsEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalPeersExtension.class)
@DisplayName("Worker: crediting renewals from SQS batches")
class RenewalCrediterTest {
  private static final Instant ACCEPTED = Instant.parse("2026-11-30T00:00:01Z");

  private final LocalPeers peers;
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final CapturedLog log = new CapturedLog();
  private final RenewalMessageCodec codec = new RenewalMessageCodec();
  private final RenewalCrediter crediter;

  RenewalCrediterTest(LocalPeers peers) {
    this.peers = peers;
    dynamoDb = peers.dynamoDb();
    table = RenewalTables.create(dynamoDb, "worker");
    crediter = new RenewalCrediter(
        new BalanceLedger(dynamoDb, table, log.log(), Clock.systemUTC(), 8, Duration.ofMillis(5)), log.log());
  }

  @Test
  @DisplayName("writes a CREDITED renewal item and raises the balance, plan and counters")
  void credits() {
    Renewal renewal = renewal("CUST-1", "FIBER-100", "25.00");

    SQSBatchResponse response = crediter.credit(SqsEvents.batch(List.of(record(renewal))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-1");
    assertThat(new BigDecimal(balance.get("balance").n())).isEqualByComparingTo("25.00");
    assertThat(balance.get("activePlan").s()).isEqualTo("FIBER-100");
    assertThat(balance.get("renewalCount").n()).isEqualTo("1");
    assertThat(balance.get("lastRenewalId").s()).isEqualTo(renewal.renewalId());
    assertThat(balance.get("updatedAt").s()).isNotBlank();
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(RenewalTable.renewalKey("CUST-1", renewal.renewalId()))).item();
    assertThat(item.get("status").s()).isEqualTo("CREDITED");
    assertThat(item.get("customerId").s()).isEqualTo("CUST-1");
    assertThat(new BigDecimal(item.get("amount").n())).isEqualByComparingTo("25.00");
    assertThat(item.get("planId").s()).isEqualTo("FIBER-100");
    assertThat(item.get("acceptedAt").s()).isEqualTo(ACCEPTED.toString());
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isGreaterThan(Instant.now().plus(Duration.ofDays(399)).getEpochSecond());
  }

  @Test
  @DisplayName("adds successive renewals of one customer and keeps the latest plan")
  void accumulates() {
    crediter.credit(SqsEvents.batch(List.of(record(renewal("CUST-2", "FIBER-100", "25.00")))));
    crediter.credit(SqsEvents.batch(List.of(record(renewal("CUST-2", "FIBER-500", "40.50")))));

    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-2");
    assertThat(new BigDecimal(balance.get("balance").n())).isEqualByComparingTo("65.50");
    assertThat(balance.get("activePlan").s()).isEqualTo("FIBER-500");
    assertThat(balance.get("renewalCount").n()).isEqualTo("2");
  }

  @Test
  @DisplayName("credits the same message delivered twice (in one batch and again later) only once, without failing it")
  void sameMessageTwice() {
    Renewal renewal = renewal("CUST-3", "FIBER-100", "25.00");
    SQSEvent.SQSMessage message = record(renewal);

    SQSBatchResponse first = crediter.credit(SqsEvents.batch(List.of(message, message)));
    SQSBatchResponse redelivery = crediter.credit(SqsEvents.batch(List.of(message)));

    assertThat(first.getBatchItemFailures()).isEmpty();
    assertThat(redelivery.getBatchItemFailures()).isEmpty();
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-3").get("balance").n()))
        .isEqualByComparingTo("25.00");
    assertThat(RenewalTables.renewalCount(dynamoDb, table, "CUST-3")).isEqualTo(1);
    assertThat(log.linesFor("renewal.credited")).hasSize(1);
    assertThat(log.linesFor("renewal.already_credited")).hasSize(2);
  }

  @Test
  @DisplayName("credits two different messages carrying the same renewal id (same idempotency key) only once")
  void twoMessagesSameRenewal() {
    Renewal renewal = renewal("CUST-4", "FIBER-100", "25.00");
    Renewal resent = new Renewal(renewal.renewalId(), "CUST-4", "FIBER-100", new BigDecimal("25.00"),
        ACCEPTED.plusSeconds(30));

    SQSBatchResponse response = crediter.credit(SqsEvents.batch(List.of(
        SqsEvents.record("m-1", codec.encode(renewal)), SqsEvents.record("m-2", codec.encode(resent)))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-4").get("balance").n()))
        .isEqualByComparingTo("25.00");
  }

  @Test
  @DisplayName("keeps the first credit and warns when an idempotency key is reused for a different amount")
  void keyReusedForDifferentPayload() {
    Renewal renewal = renewal("CUST-5", "FIBER-100", "25.00");
    Renewal conflicting = new Renewal(renewal.renewalId(), "CUST-5", "FIBER-900", new BigDecimal("99.00"), ACCEPTED);

    SQSBatchResponse response = crediter.credit(SqsEvents.batch(List.of(record(renewal), record(conflicting))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-5");
    assertThat(new BigDecimal(balance.get("balance").n())).isEqualByComparingTo("25.00");
    assertThat(balance.get("activePlan").s()).isEqualTo("FIBER-100");
    assertThat(log.linesFor("renewal.idempotency_key_reused")).singleElement().asString()
        .contains("\"level\":\"WARN\"", "FIBER-900");
  }

  @Test
  @DisplayName("reports a poison message as a batch item failure and still credits the rest of the batch")
  void poisonMessage() {
    Renewal first = renewal("CUST-6", "FIBER-100", "10.00");
    Renewal last = renewal("CUST-6", "FIBER-100", "15.00");

    SQSBatchResponse response = crediter.credit(SqsEvents.batch(List.of(
        record(first),
        SqsEvents.record("poison-json", "{not json"),
        SqsEvents.record("poison-amount", codec.encode(first).replace("\"10.00\"", "\"-3\"")
            .replace(first.renewalId(), UUID.randomUUID().toString())),
        SqsEvents.record("poison-empty", ""),
        record(last))));

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("poison-json", "poison-amount", "poison-empty");
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-6").get("balance").n()))
        .isEqualByComparingTo("25.00");
    assertThat(log.linesFor("renewal.malformed")).hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\"", "\"messageId\":\"poison-"));
  }

  @Test
  @DisplayName("refuses a message whose renewalId attribute disagrees with its body")
  void attributeMismatch() {
    SQSEvent.SQSMessage message = record(renewal("CUST-7", "FIBER-100", "10.00"));
    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType("String");
    attribute.setStringValue(UUID.randomUUID().toString());
    message.setMessageAttributes(Map.of("renewalId", attribute));

    SQSBatchResponse response = crediter.credit(SqsEvents.batch(List.of(message)));

    assertThat(response.getBatchItemFailures()).hasSize(1);
    assertThat(RenewalTables.balanceItem(dynamoDb, table, "CUST-7")).isEmpty();
  }

  @Test
  @DisplayName("reports every message as failed when the table is unreachable, so SQS redelivers them")
  void tableMissing() {
    RenewalCrediter broken = new RenewalCrediter(new BalanceLedger(dynamoDb, "no-such-table", log.log(),
        Clock.systemUTC(), 2, Duration.ofMillis(1)), log.log());
    Renewal renewal = renewal("CUST-8", "FIBER-100", "10.00");

    SQSBatchResponse response = broken.credit(SqsEvents.batch(List.of(record(renewal))));

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("msg-" + renewal.renewalId());
    assertThat(log.linesFor("renewal.credit_failed")).hasSize(1);
  }

  @Test
  @DisplayName("lands every one of 24 concurrent renewals of one hot customer, each delivered twice at once")
  void concurrentCredits() throws Exception {
    int count = 24;
    List<Renewal> renewals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      renewals.add(renewal("CUST-9", "FIBER-100", (i + 1) + ".25"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<SQSBatchResponse>> results = new ArrayList<>();
    try {
      for (Renewal renewal : renewals) {
        // Two workers receive the same message at once (SQS at-least-once): only one may credit it.
        results.add(pool.submit(() -> crediter.credit(SqsEvents.batch(List.of(record(renewal))))));
        results.add(pool.submit(() -> crediter.credit(SqsEvents.batch(List.of(record(renewal))))));
      }
      for (Future<SQSBatchResponse> result : results) {
        assertThat(result.get().getBatchItemFailures()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }

    BigDecimal expected = renewals.stream().map(Renewal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-9");
    assertThat(new BigDecimal(balance.get("balance").n())).isEqualByComparingTo(expected);
    assertThat(balance.get("renewalCount").n()).isEqualTo(Integer.toString(count));
    assertThat(RenewalTables.renewalCount(dynamoDb, table, "CUST-9")).isEqualTo(count);
    assertThat(log.linesFor("renewal.credited")).hasSize(count);
  }

  @Test
  @DisplayName("a crash between the balance write and the renewal record: the redelivery writes the record and"
      + " credits nothing twice")
  void crashBetweenTheTwoWrites() {
    Renewal renewal = renewal("CUST-10", "FIBER-100", "25.00");
    // The same ledger code on a client that dies at its first PutItem: the balance is written, the record is not.
    RenewalCrediter crashing = new RenewalCrediter(new BalanceLedger(CrashingClient.beforePutItem(peers), table,
        log.log(), Clock.systemUTC(), 8, Duration.ofMillis(5)), log.log());

    SQSBatchResponse crashed = crashing.credit(SqsEvents.batch(List.of(record(renewal))));

    assertThat(crashed.getBatchItemFailures()).hasSize(1);
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-10").get("balance").n()))
        .isEqualByComparingTo("25.00");
    assertThat(RenewalTables.renewalCount(dynamoDb, table, "CUST-10")).isZero();

    SQSBatchResponse redelivered = crediter.credit(SqsEvents.batch(List.of(record(renewal))));
    SQSBatchResponse again = crediter.credit(SqsEvents.batch(List.of(record(renewal))));

    assertThat(redelivered.getBatchItemFailures()).isEmpty();
    assertThat(again.getBatchItemFailures()).isEmpty();
    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-10");
    assertThat(new BigDecimal(balance.get("balance").n())).isEqualByComparingTo("25.00");
    assertThat(balance.get("renewalCount").n()).isEqualTo("1");
    assertThat(RenewalTables.renewalCount(dynamoDb, table, "CUST-10")).isEqualTo(1);
    assertThat(log.linesFor("renewal.record_completed")).singleElement().asString()
        .contains(renewal.renewalId());
    assertThat(log.linesFor("renewal.already_credited")).hasSize(1);
  }

  @Test
  @DisplayName("records each credited id in the current window's set, drops the set two windows back, and keeps"
      + " recognising an id from the previous window")
  void appliedIdsStayBounded() {
    Instant now = Instant.now();
    Duration window = AppliedWindows.LENGTH;
    Renewal old = renewal("CUST-11", "FIBER-100", "10.00");
    Renewal previous = renewal("CUST-11", "FIBER-100", "20.00");
    Renewal current = renewal("CUST-11", "FIBER-100", "30.00");
    ledgerAt(now.minus(window.multipliedBy(2))).credit(old);
    ledgerAt(now.minus(window)).credit(previous);
    ledgerAt(now).credit(current);

    long w = AppliedWindows.windowOf(now);
    Map<String, AttributeValue> balance = RenewalTables.balanceItem(dynamoDb, table, "CUST-11");
    assertThat(balance).doesNotContainKey(RenewalTable.appliedIds(w - 2));
    assertThat(balance.get(RenewalTable.appliedIds(w - 1)).ss()).containsExactly(previous.renewalId());
    assertThat(balance.get(RenewalTable.appliedIds(w)).ss()).containsExactly(current.renewalId());

    // The previous window's id is still recognised by the balance write itself, even without its record.
    dynamoDb.deleteItem(request -> request.tableName(table)
        .key(RenewalTable.renewalKey("CUST-11", previous.renewalId())));
    assertThat(ledgerAt(now).credit(previous)).isEqualTo(CreditOutcome.RECORD_COMPLETED);
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-11").get("balance").n()))
        .isEqualByComparingTo("60.00");
    // The dropped window's id is still recognised by its renewal record.
    assertThat(ledgerAt(now).credit(old)).isEqualTo(CreditOutcome.ALREADY_CREDITED);
  }

  @Test
  @DisplayName("removes a set older than two windows left by a customer who was idle, on the next credit")
  void leftoverSetsOfIdleCustomersAreRemoved() {
    Instant now = Instant.now();
    ledgerAt(now.minus(AppliedWindows.LENGTH.multipliedBy(5))).credit(renewal("CUST-12", "FIBER-100", "10.00"));
    ledgerAt(now).credit(renewal("CUST-12", "FIBER-100", "10.00"));

    long w = AppliedWindows.windowOf(now);
    assertThat(RenewalTables.balanceItem(dynamoDb, table, "CUST-12").keySet())
        .filteredOn(name -> name.startsWith(RenewalTable.APPLIED_IDS_PREFIX))
        .containsExactly(RenewalTable.appliedIds(w));
  }

  private BalanceLedger ledgerAt(Instant instant) {
    return new BalanceLedger(dynamoDb, table, log.log(), Clock.fixed(instant, java.time.ZoneOffset.UTC), 8,
        Duration.ofMillis(5));
  }

  private static Renewal renewal(String customerId, String planId, String amount) {
    return new Renewal(UUID.randomUUID().toString(), customerId, planId, new BigDecimal(amount), ACCEPTED);
  }

  private SQSEvent.SQSMessage record(Renewal renewal) {
    SQSEvent.SQSMessage record = SqsEvents.record("msg-" + renewal.renewalId(), codec.encode(renewal));
    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType("String");
    attribute.setStringValue(renewal.renewalId());
    record.setMessageAttributes(Map.of("renewalId", attribute));
    return record;
  }
}
