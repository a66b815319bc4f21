package dev.tally.functions.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.CrashingClient;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.support.SqsEvents;
import dev.tally.functions.support.StreamEvents;
import dev.tally.functions.support.TopicInbox;
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notifier fed from a real stream: the worker credits renewals into moto's table (duplicates, a crash between
 * its two writes, an operator re-writing a credited renewal), the records are read back through moto's DynamoDB
 * Streams API ({@code DescribeStream}, {@code GetShardIterator}, {@code GetRecords}) and handed to the notifier as the
 * event source mapping delivers them, and what it publishes is read from a moto SQS queue subscribed to the moto SNS
 * topic.
 */
@ExtendWith(LocalPeersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Notifier: fed from a real DynamoDB stream")
class NotifierRealStreamTest {
  private static final Instant ACCEPTED = Instant.parse("2026-11-30T00:00:01Z");

  private final CapturedLog log = new CapturedLog();
  private final RenewalMessageCodec codec = new RenewalMessageCodec();
  private final List<Renewal> credited = List.of(
      renewal("CUST-1", "FIBER-100", "25.00"), renewal("CUST-1", "FIBER-500", "40.00"),
      renewal("CUST-2", "FIBER-100", "25.00"));
  private final Renewal crashed = renewal("CUST-3", "FIBER-100", "19.99");
  private DynamoDbClient dynamoDb;
  private TopicInbox inbox;
  private DynamodbEvent stream;
  private StreamsEventResponse response;
  private List<TopicInbox.Notification> notifications;

  @BeforeAll
  void creditReadAndNotify(LocalPeers peers) {
    dynamoDb = peers.dynamoDb();
    String table = RenewalTables.create(dynamoDb, "notifier-stream");
    RenewalCrediter worker = new RenewalCrediter(
        BalanceLedger.withDefaultRetries(dynamoDb, table, log.log(), Clock.systemUTC()), log.log());
    // Every renewal twice (SQS at-least-once), the first one a third time in a later batch.
    List<SQSEvent.SQSMessage> messages = credited.stream().map(this::message).toList();
    worker.credit(SqsEvents.batch(List.of(messages.get(0), messages.get(1), messages.get(0), messages.get(2))));
    worker.credit(SqsEvents.batch(List.of(messages.get(1), messages.get(2), messages.get(0))));
    // A worker that dies between the balance write and the renewal record, then the redelivery.
    new RenewalCrediter(BalanceLedger.withDefaultRetries(CrashingClient.beforePutItem(peers), table, log.log(),
        Clock.systemUTC()), log.log()).credit(SqsEvents.batch(List.of(message(crashed))));
    worker.credit(SqsEvents.batch(List.of(message(crashed))));
    // An operator re-writes a credited renewal (status stays CREDITED): a MODIFY that must not announce again.
    dynamoDb.updateItem(request -> request.tableName(table)
        .key(RenewalTable.renewalKey("CUST-1", credited.get(0).renewalId()))
        .updateExpression("SET note = :note").expressionAttributeValues(Map.of(":note", AttributeValue.fromS("ok"))));

    inbox = TopicInbox.create(peers, "renewal-credited");
    stream = StreamEvents.readAll(dynamoDb, peers.dynamoDbStreams(), table);
    response = new NotifierHandler(new RenewalNotifier(inbox.sns(), inbox.topicArn(), log.log()))
        .handleRequest(stream, null);
    notifications = inbox.take();
  }

  @AfterAll
  void close() {
    inbox.close();
    dynamoDb.close();
  }

  @Test
  @DisplayName("the stream holds the renewal inserts, the re-write and the balance changes the worker made")
  void streamHasEveryKindOfChange() {
    assertThat(stream.getRecords()).filteredOn(record -> isRenewal(record) && "INSERT".equals(record.getEventName()))
        .hasSize(4);
    assertThat(stream.getRecords()).filteredOn(record -> isRenewal(record) && "MODIFY".equals(record.getEventName()))
        .hasSize(1);
    assertThat(stream.getRecords()).filteredOn(record -> !isRenewal(record)).isNotEmpty()
        .allSatisfy(record -> assertThat(record.getDynamodb().getKeys().get("sk").getS()).isEqualTo("BALANCE"));
  }

  @Test
  @DisplayName("publishes exactly one SMS per credited renewal: none for duplicates, re-writes or balance items")
  void onePerCreditedRenewal() {
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(notifications).extracting(notification -> notification.attributes().get("renewalId"))
        .containsExactlyInAnyOrder(credited.get(0).renewalId(), credited.get(1).renewalId(),
            credited.get(2).renewalId(), crashed.renewalId());
  }

  @Test
  @DisplayName("the subscriber receives the SMS text, the topic and the routing attributes")
  void subscriberSeesTextAndAttributes() {
    TopicInbox.Notification crashedOne = notifications.stream()
        .filter(notification -> crashed.renewalId().equals(notification.attributes().get("renewalId")))
        .findFirst().orElseThrow();
    assertThat(crashedOne.topicArn()).isEqualTo(inbox.topicArn());
    assertThat(crashedOne.message()).isEqualTo("Tally: FIBER-100 renewed, 19.99 credited to your account. Ref "
        + crashed.renewalId().substring(0, 8));
    assertThat(crashedOne.attributes()).containsEntry("customerId", "CUST-3")
        .containsEntry("eventType", "renewal.credited")
        .containsEntry("AWS.SNS.SMS.SMSType", "Transactional");
  }

  private static boolean isRenewal(DynamodbEvent.DynamodbStreamRecord record) {
    return record.getDynamodb().getKeys().get("sk").getS().startsWith(RenewalTable.RENEWAL_SK_PREFIX);
  }

  private SQSEvent.SQSMessage message(Renewal renewal) {
    return SqsEvents.record("msg-" + UUID.randomUUID(), codec.encode(renewal));
  }

  private static Renewal renewal(String customerId, String planId, String amount) {
    return new Renewal(UUID.randomUUID().toString(), customerId, planId, new BigDecimal(amount), ACCEPTED);
  }
}
