package dev.tally.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.balance.BalanceHandler;
import dev.tally.functions.balance.BalanceQuery;
import dev.tally.functions.common.Json;
import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.ingest.RenewalIntake;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.notifier.RenewalNotifier;
import dev.tally.functions.support.ApiRequests;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.support.SqsEvents;
import dev.tally.functions.support.StreamEvents;
import dev.tally.functions.support.TopicInbox;
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import dev.tally.functions.worker.WorkerHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The four handlers chained as AWS chains them: API event → ingest → ElasticMQ → SQS batch → worker → moto's
 * DynamoDB → its real stream → notifier → moto's SNS → a subscribed moto SQS queue, and the balance API reading
 * the result.
 */
@ExtendWith(LocalPeersExtension.class)
@DisplayName("Renewal pipeline end to end")
class RenewalPipelineEndToEndTest {

  private final ObjectMapper json = Json.newMapper();
  private final CapturedLog log = new CapturedLog();
  private final TopicInbox inbox;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  private final String table;
  private final String queueUrl;
  private final IngestHandler ingest;
  private final WorkerHandler worker;
  private final NotifierHandler notifier;
  private final BalanceHandler balance;

  RenewalPipelineEndToEndTest(LocalPeers peers) {
    dynamoDb = peers.dynamoDb();
    streams = peers.dynamoDbStreams();
    sqs = peers.sqs();
    table = RenewalTables.create(dynamoDb, "e2e");
    queueUrl = sqs.createQueue(request -> request.queueName("e2e-" + UUID.randomUUID())).queueUrl();
    inbox = TopicInbox.create(peers, "e2e-credited");

    ingest = new IngestHandler(new RenewalIntake(sqs, queueUrl, log.log(), Clock.systemUTC()));
    worker = new WorkerHandler(new RenewalCrediter(
        BalanceLedger.withDefaultRetries(dynamoDb, table, log.log(), Clock.systemUTC()), log.log()));
    notifier = new NotifierHandler(new RenewalNotifier(inbox.sns(), inbox.topicArn(), log.log()));
    balance = new BalanceHandler(new BalanceQuery(dynamoDb, table, log.log()));
  }

  @AfterEach
  void stop() {
    inbox.close();
  }

  @Test
  @DisplayName("a renewal posted twice with one key, plus another renewal: two credits, two SMS, one balance")
  void happyPathWithDuplicate() throws Exception {
    String body = "{\"customerId\":\"CUST-20001\",\"planId\":\"FIBER-100\",\"amount\":25.00}";
    String first = accepted(ingest.handleRequest(ApiRequests.postRenewal("key-nov", body), null));
    String retried = accepted(ingest.handleRequest(ApiRequests.postRenewal("key-nov", body), null));
    String december = accepted(ingest.handleRequest(ApiRequests.postRenewal("key-dec",
        body.replace("25.00", "30.00").replace("FIBER-100", "FIBER-500")), null));
    assertThat(retried).isEqualTo(first);
    assertThat(december).isNotEqualTo(first);

    List<SQSEvent.SQSMessage> delivered = new ArrayList<>();
    for (int batch = 0; batch < 5 && delivered.size() < 3; batch++) {
      SQSEvent event = SqsEvents.receive(sqs, queueUrl, 10);
      SQSBatchResponse response = worker.handleRequest(event, null);
      assertThat(response.getBatchItemFailures()).isEmpty();
      delivered.addAll(event.getRecords());
    }
    assertThat(delivered).hasSize(3);

    DynamodbEvent changes = StreamEvents.readAll(dynamoDb, streams, table);
    // Two renewal inserts, then the balance's changes (moto writes two INSERT records where the balance item is
    // created, one with the key only; DynamoDB writes one): only the two inserts are credits.
    assertThat(changes.getRecords()).filteredOn(record -> record.getDynamodb().getKeys().get("sk").getS()
        .startsWith("RENEWAL#")).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
        .containsExactly("INSERT", "INSERT");
    StreamsEventResponse notified = notifier.handleRequest(changes, null);
    assertThat(notified.getBatchItemFailures()).isEmpty();

    assertThat(inbox.take()).hasSize(2)
        .anySatisfy(sms -> {
          assertThat(sms.message()).isEqualTo("Tally: FIBER-100 renewed, 25.00 credited to your account. Ref "
              + first.substring(0, 8));
          assertThat(sms.topicArn()).isEqualTo(inbox.topicArn());
        })
        .anySatisfy(sms -> {
          assertThat(sms.message()).startsWith("Tally: FIBER-500 renewed, 30.00");
          assertThat(sms.attributes()).containsEntry("renewalId", december);
        });

    APIGatewayProxyResponseEvent answer = balance.handleRequest(ApiRequests.getBalance("CUST-20001"), null);
    assertThat(answer.getStatusCode()).isEqualTo(200);
    JsonNode account = json.readTree(answer.getBody());
    assertThat(account.get("balance").decimalValue()).isEqualByComparingTo("55.00");
    assertThat(account.get("activePlan").asText()).isIn("FIBER-100", "FIBER-500");
    assertThat(log.linesFor("renewal.already_credited")).hasSize(1);
  }

  private String accepted(APIGatewayProxyResponseEvent response) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(202);
    return json.readTree(response.getBody()).get("renewalId").asText();
  }
}
