package dev.tally.functions.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.tally.functions.support.DynamoDbErrorStub.GET_ITEM;
import static dev.tally.functions.support.DynamoDbErrorStub.OK;
import static dev.tally.functions.support.DynamoDbErrorStub.PUT_ITEM;
import static dev.tally.functions.support.DynamoDbErrorStub.THROTTLED_BODY;
import static dev.tally.functions.support.DynamoDbErrorStub.UPDATE_ITEM;
import static dev.tally.functions.support.DynamoDbErrorStub.VALIDATION_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.functions.common.Renewal;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.DynamoDbErrorStub;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * moto never throttles. Real DynamoDB does, on a hot customer's partition; here WireMock answers the real client
 * with DynamoDB's genuine JSON error for that case, to show the ledger retries it and nothing else.
 */
@DisplayName("Worker: throttled writes")
class BalanceLedgerRetryTest {
  private final CapturedLog log = new CapturedLog();
  private DynamoDbErrorStub dynamoDb;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamoDb = DynamoDbErrorStub.start();
    client = dynamoDb.client();
  }

  @AfterEach
  void stop() {
    dynamoDb.close();
  }

  @Test
  @DisplayName("retries a balance update refused with ProvisionedThroughputExceeded until it succeeds, then writes"
      + " the renewal record once")
  void retriesThrottling() {
    dynamoDb.answerUpdatesInTurn(THROTTLED_BODY, THROTTLED_BODY, OK);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThat(ledger.credit(renewal())).isEqualTo(CreditOutcome.CREDITED);

    assertThat(requests(GET_ITEM)).isEqualTo(1);
    assertThat(requests(UPDATE_ITEM)).isEqualTo(3);
    assertThat(requests(PUT_ITEM)).isEqualTo(1);
    assertThat(log.linesFor("renewal.credit_retry")).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("ProvisionedThroughputExceededException"));
  }

  @Test
  @DisplayName("gives up after maxAttempts, before writing the renewal record, so the message goes back to SQS")
  void givesUp() {
    dynamoDb.answerUpdatesInTurn(THROTTLED_BODY, THROTTLED_BODY, THROTTLED_BODY, OK);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 3, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(ProvisionedThroughputExceededException.class);
    assertThat(requests(UPDATE_ITEM)).isEqualTo(3);
    assertThat(requests(PUT_ITEM)).isZero();
  }

  @Test
  @DisplayName("does not retry an error that retrying cannot fix (ValidationException)")
  void noRetryOnValidation() {
    dynamoDb.answerUpdatesInTurn(VALIDATION_BODY, OK);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("maximum allowed size");
    assertThat(requests(UPDATE_ITEM)).isEqualTo(1);
    assertThat(log.linesFor("renewal.credit_retry")).isEmpty();
  }

  private int requests(String target) {
    return dynamoDb.server().findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)))
        .size();
  }

  private static Renewal renewal() {
    return new Renewal(UUID.randomUUID().toString(), "CUST-1", "FIBER-100", new BigDecimal("25.00"),
        Instant.parse("2026-11-30T00:00:01Z"));
  }
}
