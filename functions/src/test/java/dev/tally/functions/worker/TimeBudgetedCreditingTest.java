package dev.tally.functions.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.tally.functions.support.DynamoDbErrorStub.OK;
import static dev.tally.functions.support.DynamoDbErrorStub.THROTTLED_BODY;
import static dev.tally.functions.support.DynamoDbErrorStub.UPDATE_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.DynamoDbErrorStub;
import dev.tally.functions.support.SqsEvents;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The worker's time budget, against WireMock answering the real DynamoDB client with DynamoDB's genuine
 * {@code ProvisionedThroughputExceededException} (moto never throttles). The clock is fixed and the jitter
 * pinned to its ceiling, so every back-off is exactly known: with a one-second base delay the first back-off is
 * 1000 ms.
 */
@DisplayName("Worker: crediting within the invocation's time budget")
class TimeBudgetedCreditingTest {
  private static final Instant NOW = Instant.parse("2026-11-30T00:00:05Z");
  private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
  /** nextDouble() of (nextLong() >>> 11) * 2^-53 with all bits set: just below 1, i.e. the full back-off ceiling. */
  private static final RandomGenerator CEILING_JITTER = () -> -1L;

  private final CapturedLog log = new CapturedLog();
  private final RenewalMessageCodec codec = new RenewalMessageCodec();
  private DynamoDbErrorStub dynamoDb;

  @BeforeEach
  void start() {
    dynamoDb = DynamoDbErrorStub.start();
  }

  @AfterEach
  void stop() {
    dynamoDb.close();
  }

  @Test
  @DisplayName("a throttled message whose next back-off would pass the deadline fails at once, and the rest of"
      + " the batch is reported failed without being attempted")
  void deadlineNearDefersTheRestOfTheBatch() {
    dynamoDb.answerEveryUpdateWith(THROTTLED_BODY);
    RenewalCrediter crediter = new RenewalCrediter(ledger(8, Duration.ofSeconds(1)), log.log());
    List<Renewal> renewals = List.of(renewal(), renewal(), renewal());

    long started = System.nanoTime();
    SQSBatchResponse response = crediter.credit(batch(renewals), TimeBudget.until(FIXED, NOW.plusMillis(500)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(messageId(renewals.get(0)), messageId(renewals.get(1)), messageId(renewals.get(2)));
    List<LoggedRequest> sent = dynamoDb.server().findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(UPDATE_ITEM)));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getBodyAsString()).contains(renewals.get(0).renewalId());
    // Without the budget this message alone would sleep through seven back-offs (up to 7 s here).
    assertThat(took).isLessThan(Duration.ofMillis(900));
    assertThat(log.linesFor("renewal.credit_retry")).isEmpty();
    assertThat(log.linesFor("renewal.credit_out_of_time")).singleElement()
        .satisfies(line -> assertThat(line).contains(renewals.get(0).renewalId(), "ProvisionedThroughputExceededException"));
    assertThat(log.linesFor("renewal.batch_out_of_time")).singleElement()
        .satisfies(line -> assertThat(line).contains("\"deferredMessages\":3"));
  }

  @Test
  @DisplayName("a batch whose deadline has already passed is handed back whole, without calling DynamoDB")
  void deadlinePassedAttemptsNothing() {
    dynamoDb.answerEveryUpdateWith(THROTTLED_BODY);
    RenewalCrediter crediter = new RenewalCrediter(ledger(8, Duration.ofSeconds(1)), log.log());
    List<Renewal> renewals = List.of(renewal(), renewal());

    SQSBatchResponse response = crediter.credit(batch(renewals), TimeBudget.until(FIXED, NOW));

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(messageId(renewals.get(0)), messageId(renewals.get(1)));
    dynamoDb.server().verify(0, postRequestedFor(urlEqualTo("/")));  // not even the look
  }

  @Test
  @DisplayName("messages credited before the budget ran out are acknowledged; only the rest is redelivered")
  void creditedMessagesAreKept() {
    dynamoDb.answerUpdatesInTurn(OK, THROTTLED_BODY);
    RenewalCrediter crediter = new RenewalCrediter(ledger(8, Duration.ofSeconds(1)), log.log());
    List<Renewal> renewals = List.of(renewal(), renewal(), renewal());

    SQSBatchResponse response = crediter.credit(batch(renewals), TimeBudget.until(FIXED, NOW.plusMillis(500)));

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(messageId(renewals.get(1)), messageId(renewals.get(2)));
    dynamoDb.server().verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(UPDATE_ITEM)));
    assertThat(log.linesFor("renewal.credited")).singleElement()
        .satisfies(line -> assertThat(line).contains(renewals.get(0).renewalId()));
  }

  @Test
  @DisplayName("with ample time, throttling is retried as before until the update succeeds")
  void ampleTimeRetriesAsBefore() {
    dynamoDb.answerUpdatesInTurn(THROTTLED_BODY, THROTTLED_BODY, OK);
    BalanceLedger ledger = ledger(8, Duration.ofMillis(2));

    assertThat(ledger.credit(renewal(), TimeBudget.until(FIXED, NOW.plus(Duration.ofMinutes(1)))))
        .isEqualTo(CreditOutcome.CREDITED);
    dynamoDb.server().verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(UPDATE_ITEM)));
    assertThat(log.linesFor("renewal.credit_retry")).hasSize(2);
  }

  @Test
  @DisplayName("the ledger refuses a back-off that would pass the deadline and keeps the throttling error as cause")
  void ledgerRefusesBackOffPastDeadline() {
    dynamoDb.answerEveryUpdateWith(THROTTLED_BODY);
    BalanceLedger ledger = ledger(8, Duration.ofSeconds(1));

    assertThatThrownBy(() -> ledger.credit(renewal(), TimeBudget.until(FIXED, NOW.plusMillis(999))))
        .isInstanceOf(OutOfTimeException.class)
        .hasMessageContaining("1000 ms back-off")
        .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
    dynamoDb.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(UPDATE_ITEM)));
  }

  @Test
  @DisplayName("the handler takes its deadline from the Lambda context's remaining time, minus a safety margin")
  void handlerUsesRemainingTime() {
    dynamoDb.answerEveryUpdateWith(THROTTLED_BODY);
    WorkerHandler handler = new WorkerHandler(new RenewalCrediter(ledger(8, Duration.ofSeconds(1)), log.log()),
        FIXED);
    List<Renewal> renewals = List.of(renewal(), renewal());

    // 900 ms left, minus a 90 ms margin: the first 1000 ms back-off does not fit.
    SQSBatchResponse response = handler.handleRequest(batch(renewals), contextWithRemaining(900));

    assertThat(response.getBatchItemFailures()).hasSize(2);
    dynamoDb.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(UPDATE_ITEM)));
    assertThat(log.linesFor("renewal.batch_out_of_time")).singleElement()
        .satisfies(line -> assertThat(line).contains(NOW.plusMillis(810).toString()));
  }

  @Test
  @DisplayName("the safety margin is a tenth of the remaining time, at most two seconds")
  void safetyMargin() {
    assertThat(TimeBudget.ofRemaining(FIXED, Duration.ofSeconds(30)).deadline()).isEqualTo(NOW.plusSeconds(28));
    assertThat(TimeBudget.ofRemaining(FIXED, Duration.ofSeconds(5)).deadline()).isEqualTo(NOW.plusMillis(4500));
    assertThat(TimeBudget.ofRemaining(FIXED, Duration.ZERO).isExhausted()).isTrue();
    assertThat(TimeBudget.ofRemaining(FIXED, Duration.ofSeconds(5)).allows(Duration.ofMillis(4500))).isTrue();
    assertThat(TimeBudget.ofRemaining(FIXED, Duration.ofSeconds(5)).allows(Duration.ofMillis(4501))).isFalse();
  }

  private BalanceLedger ledger(int maxAttempts, Duration baseDelay) {
    return new BalanceLedger(dynamoDb.client(), "renewals", log.log(), FIXED, maxAttempts, baseDelay, CEILING_JITTER);
  }

  /** A Lambda context that only knows its remaining time, which is all the worker reads. */
  private static Context contextWithRemaining(int millis) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getRemainingTimeInMillis")) {
            return millis;
          }
          throw new UnsupportedOperationException("the worker should not need Context." + method.getName());
        });
  }

  private SQSEvent batch(List<Renewal> renewals) {
    return SqsEvents.batch(renewals.stream()
        .map(renewal -> SqsEvents.record(messageId(renewal), codec.encode(renewal))).toList());
  }

  private static String messageId(Renewal renewal) {
    return "msg-" + renewal.renewalId();
  }

  private static Renewal renewal() {
    return new Renewal(UUID.randomUUID().toString(), "CUST-1", "FIBER-100", new BigDecimal("25.00"),
        Instant.parse("2026-11-30T00:00:01Z"));
  }
}
