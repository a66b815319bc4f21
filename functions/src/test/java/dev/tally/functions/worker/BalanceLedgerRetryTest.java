package dev.tally.functions.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.tally.functions.support.DynamoDbTransactionStub.COMMITTED;
import static dev.tally.functions.support.DynamoDbTransactionStub.CONFLICT_BODY;
import static dev.tally.functions.support.DynamoDbTransactionStub.TRANSACT;
import static dev.tally.functions.support.DynamoDbTransactionStub.VALIDATION_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.functions.common.Renewal;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.DynamoDbTransactionStub;
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
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local serialises transactions, so it never cancels one for a conflict. Real DynamoDB does; here WireMock
 * answers the real client with DynamoDB's genuine JSON error for that case, to show the ledger retries it.
 */
@DisplayName("Worker: transaction conflicts")
class BalanceLedgerRetryTest {
  private final CapturedLog log = new CapturedLog();
  private DynamoDbTransactionStub dynamoDb;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamoDb = DynamoDbTransactionStub.start();
    client = dynamoDb.client();
  }

  @AfterEach
  void stop() {
    dynamoDb.close();
  }

  @Test
  @DisplayName("retries a transaction cancelled by TransactionConflict until it commits")
  void retriesConflicts() {
    dynamoDb.answerTransactionsInTurn(CONFLICT_BODY, CONFLICT_BODY, COMMITTED);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThat(ledger.credit(renewal())).isEqualTo(CreditOutcome.CREDITED);

    dynamoDb.server().verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TRANSACT)));
    assertThat(log.linesFor("renewal.credit_retry")).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("TransactionConflict"));
  }

  @Test
  @DisplayName("gives up after maxAttempts conflicts, so the message goes back to SQS")
  void givesUp() {
    dynamoDb.answerTransactionsInTurn(CONFLICT_BODY, CONFLICT_BODY, CONFLICT_BODY, COMMITTED);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 3, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(TransactionCanceledException.class);
    dynamoDb.server().verify(3, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  @DisplayName("does not retry a cancellation that retrying cannot fix (ValidationError)")
  void noRetryOnValidation() {
    dynamoDb.answerTransactionsInTurn(VALIDATION_BODY, COMMITTED);
    BalanceLedger ledger = new BalanceLedger(client, "renewals", log.log(), Clock.systemUTC(), 5, Duration.ofMillis(1));

    assertThatThrownBy(() -> ledger.credit(renewal())).isInstanceOf(TransactionCanceledException.class);
    dynamoDb.server().verify(1, postRequestedFor(urlEqualTo("/")));
  }

  private static Renewal renewal() {
    return new Renewal(UUID.randomUUID().toString(), "CUST-1", "FIBER-100", new BigDecimal("25.00"),
        Instant.parse("2026-11-30T00:00:01Z"));
  }
}
