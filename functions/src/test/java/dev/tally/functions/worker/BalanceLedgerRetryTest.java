package dev.tally.functions.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.LocalPeers;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local serialises transactions, so it never cancels one for a conflict. Real DynamoDB does; here WireMock
 * answers the real client with DynamoDB's genuine JSON error for that case, to show the ledger retries it.
 */
@DisplayName("Worker: transaction conflicts")
class BalanceLedgerRetryTest {
  private static final String TRANSACT = "DynamoDB_20120810.TransactWriteItems";
  private static final String CONFLICT_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
      + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons"
      + " [None, TransactionConflict]\",\"CancellationReasons\":[{\"Code\":\"None\"},"
      + "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}]}";
  private static final String VALIDATION_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
      + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons"
      + " [ValidationError, None]\",\"CancellationReasons\":[{\"Code\":\"ValidationError\","
      + "\"Message\":\"Item size has exceeded the maximum allowed size\"},{\"Code\":\"None\"}]}";

  private final WireMockServer dynamoDb = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final CapturedLog log = new CapturedLog();
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamoDb.start();
    client = DynamoDbClient.builder().endpointOverride(URI.create(dynamoDb.baseUrl())).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    dynamoDb.stop();
  }

  @Test
  @DisplayName("retries a transaction cancelled by TransactionConflict until it commits")
  void retriesConflicts() {
    stubSequence(CONFLICT_BODY, CONFLICT_BODY);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThat(ledger.credit(renewal())).isEqualTo(CreditOutcome.CREDITED);

    dynamoDb.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TRANSACT)));
    assertThat(log.linesFor("renewal.credit_retry")).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("TransactionConflict"));
  }

  @Test
  @DisplayName("gives up after maxAttempts conflicts, so the message goes back to SQS")
  void givesUp() {
    stubSequence(CONFLICT_BODY, CONFLICT_BODY, CONFLICT_BODY);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 3, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(TransactionCanceledException.class);
    dynamoDb.verify(3, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  @DisplayName("does not retry a cancellation that retrying cannot fix (ValidationError)")
  void noRetryOnValidation() {
    stubSequence(VALIDATION_BODY);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(TransactionCanceledException.class);
    dynamoDb.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  /** Answers each body in turn with HTTP 400, then {@code {}} (a committed transaction). */
  private void stubSequence(String... errorBodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < errorBodies.length; i++) {
      String next = "attempt-" + (i + 2);
      dynamoDb.stubFor(post(urlEqualTo("/")).inScenario("transact").whenScenarioStateIs(state)
          .withHeader("X-Amz-Target", equalTo(TRANSACT))
          .willReturn(aResponse().withStatus(400)
              .withHeader("Content-Type", "application/x-amz-json-1.0")
              .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
              .withBody(errorBodies[i]))
          .willSetStateTo(next));
      state = next;
    }
    dynamoDb.stubFor(post(urlEqualTo("/")).inScenario("transact").whenScenarioStateIs(state)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody("{}")));
  }

  private static Renewal renewal() {
    return new Renewal(UUID.randomUUID().toString(), "CUST-1", "FIBER-100", new BigDecimal("25.00"),
        Instant.parse("2026-11-30T00:00:01Z"));
  }
}
