package dev.tally.functions.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import dev.tally.functions.worker.WorkerHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The four handlers chained as AWS chains them: API event → ingest → ElasticMQ → SQS batch → worker → DynamoDB
 * Local → its real stream → notifier → SNS (WireMock, awsQuery XML) → and the balance API reading the result.
 */
@ExtendWith(LocalPeersExtension.class)
@DisplayName("Renewal pipeline end to end")
class RenewalPipelineEndToEndTest {
  private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:renewal-credited";
  private static final String PUBLISH_RESPONSE = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
      + "<PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>"
      + "<ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>"
      + "</PublishResponse>";

  private final ObjectMapper json = Json.newMapper();
  private final CapturedLog log = new CapturedLog();
  private final WireMockServer sns = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
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
    sns.start();
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(PUBLISH_RESPONSE)));
    SnsClient snsClient = SnsClient.builder().endpointOverride(URI.create(sns.baseUrl())).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();

    ingest = new IngestHandler(new RenewalIntake(sqs, queueUrl, log.log(), Clock.systemUTC()));
    worker = new WorkerHandler(new RenewalCrediter(
        BalanceLedger.withDefaultRetries(dynamoDb, table, log.log(), Clock.systemUTC()), log.log()));
    notifier = new NotifierHandler(new RenewalNotifier(snsClient, TOPIC_ARN, log.log()));
    balance = new BalanceHandler(new BalanceQuery(dynamoDb, table, log.log()));
  }

  @AfterEach
  void stop() {
    sns.stop();
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
    // Two renewal inserts, the balance insert and one balance modify: four records, two of them credits.
    assertThat(changes.getRecords()).hasSize(4);
    StreamsEventResponse notified = notifier.handleRequest(changes, null);
    assertThat(notified.getBatchItemFailures()).isEmpty();

    List<LoggedRequest> published = sns.findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(published).extracting(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
        .hasSize(2)
        .anySatisfy(form -> assertThat(form).contains("Message=Tally: FIBER-100 renewed, 25.00 credited to your "
            + "account. Ref " + first.substring(0, 8), "TopicArn=" + TOPIC_ARN))
        .anySatisfy(form -> assertThat(form).contains("FIBER-500 renewed, 30.00", december));

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
