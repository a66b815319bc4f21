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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * WireMock answering the real DynamoDB client in DynamoDB's JSON 1.0 wire format, for what no local peer produces:
 * throttling. moto never throttles, so the worker's retry and time-budget rules are shown here. {@code GetItem}
 * finds nothing and {@code PutItem} succeeds unless a test says otherwise; {@code UpdateItem} answers in turn.
 * The client's own SDK retries are off, so every request WireMock counts is one attempt of the ledger.
 */
public final class DynamoDbErrorStub implements AutoCloseable {
  public static final String GET_ITEM = "DynamoDB_20120810.GetItem";
  public static final String UPDATE_ITEM = "DynamoDB_20120810.UpdateItem";
  public static final String PUT_ITEM = "DynamoDB_20120810.PutItem";
  /** The body of a successful write without return values, and of a GetItem that found nothing. */
  public static final String OK = "{}";
  /** DynamoDB's answer when a partition's write capacity is exceeded (a hot customer's balance, for one). */
  public static final String THROTTLED_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
      + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput for"
      + " the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}";
  /** An error retrying cannot fix. */
  public static final String VALIDATION_BODY = "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
      + "\"message\":\"Item size to update has exceeded the maximum allowed size\"}";

  private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final DynamoDbClient client;

  private DynamoDbErrorStub() {
    server.start();
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_ITEM)).willReturn(ok()));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PUT_ITEM)).willReturn(ok()));
    client = DynamoDbClient.builder().endpointOverride(URI.create(server.baseUrl())).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** Starts a server on a free loopback port and a client pointed at it. */
  public static DynamoDbErrorStub start() {
    return new DynamoDbErrorStub();
  }

  public DynamoDbClient client() {
    return client;
  }

  /** The server, to verify or inspect the requests the client sent. */
  public WireMockServer server() {
    return server;
  }

  /** Every UpdateItem gets the same HTTP 400 error body. */
  public void answerEveryUpdateWith(String errorBody) {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(UPDATE_ITEM))
        .willReturn(error(errorBody)));
  }

  /** Answers each UpdateItem in turn: {@link #OK} succeeds, anything else is an HTTP 400 error body; the last
   * answer repeats. */
  public void answerUpdatesInTurn(String... answers) {
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? state : "answer-" + (i + 2);
      server.stubFor(post(urlEqualTo("/")).inScenario("update").whenScenarioStateIs(state)
          .withHeader("X-Amz-Target", equalTo(UPDATE_ITEM))
          .willReturn(OK.equals(answers[i]) ? ok() : error(answers[i]))
          .willSetStateTo(next));
      state = next;
    }
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(OK);
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
