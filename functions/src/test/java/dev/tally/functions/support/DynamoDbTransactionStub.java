package dev.tally.functions.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * WireMock answering the real DynamoDB client's {@code TransactWriteItems} in DynamoDB's JSON 1.0 wire format, for
 * what DynamoDB Local cannot produce: it serialises transactions, so it never cancels one for a conflict.
 */
public final class DynamoDbTransactionStub implements AutoCloseable {
  public static final String TRANSACT = "DynamoDB_20120810.TransactWriteItems";
  /** The body of a committed transaction. */
  public static final String COMMITTED = "{}";
  /** DynamoDB's cancellation when another transaction holds the balance item. */
  public static final String CONFLICT_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
      + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons"
      + " [None, TransactionConflict]\",\"CancellationReasons\":[{\"Code\":\"None\"},"
      + "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}]}";
  /** A cancellation retrying cannot fix. */
  public static final String VALIDATION_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
      + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons"
      + " [ValidationError, None]\",\"CancellationReasons\":[{\"Code\":\"ValidationError\","
      + "\"Message\":\"Item size has exceeded the maximum allowed size\"},{\"Code\":\"None\"}]}";

  private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final DynamoDbClient client;

  private DynamoDbTransactionStub() {
    server.start();
    client = DynamoDbClient.builder().endpointOverride(URI.create(server.baseUrl())).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** Starts a server on a free loopback port and a client pointed at it. */
  public static DynamoDbTransactionStub start() {
    return new DynamoDbTransactionStub();
  }

  public DynamoDbClient client() {
    return client;
  }

  /** The server, to verify or inspect the requests the client sent. */
  public WireMockServer server() {
    return server;
  }

  /** Every transaction gets the same HTTP 400 error body. */
  public void answerEveryTransactionWith(String errorBody) {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TRANSACT)).willReturn(error(errorBody)));
  }

  /** Answers each transaction in turn: {@link #COMMITTED} commits, anything else is an HTTP 400 error body; the last
   * answer repeats. */
  public void answerTransactionsInTurn(String... answers) {
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? state : "answer-" + (i + 2);
      server.stubFor(post(urlEqualTo("/")).inScenario("transact").whenScenarioStateIs(state)
          .withHeader("X-Amz-Target", equalTo(TRANSACT))
          .willReturn(COMMITTED.equals(answers[i]) ? committed() : error(answers[i]))
          .willSetStateTo(next));
      state = next;
    }
  }

  private static ResponseDefinitionBuilder committed() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(COMMITTED);
  }

  private static ResponseDefinitionBuilder error(String body) {
    return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
  }

  @Override
  public void close() {
    client.close();
    server.stop();
  }
}
