package dev.tally.functions.worker;

import static dev.tally.functions.common.RenewalTable.n;
import static dev.tally.functions.common.RenewalTable.s;
import static dev.tally.functions.common.StructuredLog.fields;

import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.common.StructuredLog;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Credits a renewal exactly once. One {@code TransactWriteItems} puts the renewal item on the condition that it does
 * not exist yet and adds the amount to the customer's balance: both happen or neither does. A second delivery of the
 * same renewal (SQS is at-least-once; a client may retry with the same idempotency key) fails the condition, which
 * is read from the cancellation reasons as "already credited", not as an error.
 *
 * <p>Transactions touching the same balance can cancel each other ({@code TransactionConflict}) when many renewals
 * of one customer arrive together; those, and throttling, are retried here with jittered exponential back-off
 * before the message is handed back to SQS. A {@link TimeBudget} bounds the back-off: a retry whose pause would end
 * past the invocation's deadline is not attempted ({@link OutOfTimeException}), so a batch of conflicting messages
 * cannot sleep the function into its timeout.
 */
public final class BalanceLedger {
  private static final Set<String> RETRYABLE_REASONS =
      Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  /** Renewal items are kept this long (TTL on {@code expiresAt}); far beyond SQS's 14-day maximum retention, so no
   * redelivery can outlive its deduplication record. */
  static final Duration RENEWAL_RETENTION = Duration.ofDays(400);

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final StructuredLog log;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final RandomGenerator jitter;

  /**
   * @param dynamoDb client for the renewal table
   * @param tableName the single table (see {@link RenewalTable})
   * @param log structured event log
   * @param clock stamps {@code creditedAt} and {@code updatedAt}
   * @param maxAttempts transaction attempts on conflict or throttling before giving up (then SQS redelivers)
   * @param baseDelay first back-off; doubles per attempt, with full jitter, capped at one second
   */
  public BalanceLedger(DynamoDbClient dynamoDb, String tableName, StructuredLog log, Clock clock, int maxAttempts,
      Duration baseDelay) {
    // SecureRandom, not ThreadLocalRandom: Lambda reseeds it after a SnapStart restore, so instances restored from
    // one snapshot do not back off in lockstep.
    this(dynamoDb, tableName, log, clock, maxAttempts, baseDelay, new SecureRandom());
  }

  /** As the public constructor, with the jitter source given (tests pin the back-off to its ceiling). */
  BalanceLedger(DynamoDbClient dynamoDb, String tableName, StructuredLog log, Clock clock, int maxAttempts,
      Duration baseDelay, RandomGenerator jitter) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 (got " + maxAttempts + ")");
    }
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.log = log;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.jitter = jitter;
  }

  /** Defaults for Lambda: 8 attempts from 25 ms (at most a few seconds in total). */
  public static BalanceLedger withDefaultRetries(DynamoDbClient dynamoDb, String tableName, StructuredLog log,
      Clock clock) {
    return new BalanceLedger(dynamoDb, tableName, log, clock, 8, Duration.ofMillis(25));
  }

  /** Credits {@code renewal} unless it already was, with no deadline; see {@link #credit(Renewal, TimeBudget)}. */
  public CreditOutcome credit(Renewal renewal) {
    return credit(renewal, TimeBudget.unlimited());
  }

  /**
   * Credits {@code renewal} unless it already was, backing off only while {@code budget} allows.
   *
   * @throws TransactionCanceledException when conflicts or throttling outlast the retries, or for a reason that is
   *     not retryable; the caller reports the message as failed so SQS redelivers it
   * @throws OutOfTimeException when the next back-off would end past the budget's deadline; nothing was written
   */
  public CreditOutcome credit(Renewal renewal, TimeBudget budget) {
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(transaction(renewal, clock.instant()));
        return CreditOutcome.CREDITED;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (!reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
          reportDuplicate(renewal, reasons.get(0).item());
          return CreditOutcome.ALREADY_CREDITED;
        }
        boolean retryable = reasons.stream().anyMatch(reason -> RETRYABLE_REASONS.contains(reason.code()));
        if (!retryable || attempt >= maxAttempts) {
          throw e;
        }
        Duration delay = backOff(attempt);
        if (!budget.allows(delay)) {
          throw new OutOfTimeException("still " + reasonCodes(reasons) + " after " + attempt + " attempt(s); a "
              + delay.toMillis() + " ms back-off would pass the invocation deadline " + budget.deadline(), e);
        }
        log.info("renewal.credit_retry", fields("renewalId", renewal.renewalId(), "customerId",
            renewal.customerId(), "attempt", attempt, "reasons", reasonCodes(reasons)));
        pause(delay);
      }
    }
  }

  private TransactWriteItemsRequest transaction(Renewal renewal, Instant now) {
    Map<String, AttributeValue> renewalItem = new HashMap<>(RenewalTable.renewalKey(renewal.customerId(),
        renewal.renewalId()));
    renewalItem.put(RenewalTable.TYPE, s(RenewalTable.TYPE_RENEWAL));
    renewalItem.put(RenewalTable.RENEWAL_ID, s(renewal.renewalId()));
    renewalItem.put(RenewalTable.CUSTOMER_ID, s(renewal.customerId()));
    renewalItem.put(RenewalTable.PLAN_ID, s(renewal.planId()));
    renewalItem.put(RenewalTable.AMOUNT, n(renewal.amount().toPlainString()));
    renewalItem.put(RenewalTable.STATUS, s(RenewalTable.STATUS_CREDITED));
    renewalItem.put(RenewalTable.ACCEPTED_AT, s(renewal.acceptedAt().toString()));
    renewalItem.put(RenewalTable.CREDITED_AT, s(now.toString()));
    renewalItem.put(RenewalTable.EXPIRES_AT, n(Long.toString(now.plus(RENEWAL_RETENTION).getEpochSecond())));

    Put putRenewal = Put.builder()
        .tableName(tableName)
        .item(renewalItem)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", RenewalTable.PK))
        // Returns the stored renewal on a duplicate, so a reused idempotency key with a different body is noticed.
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();

    Update addToBalance = Update.builder()
        .tableName(tableName)
        .key(RenewalTable.balanceKey(renewal.customerId()))
        .updateExpression("SET #balance = if_not_exists(#balance, :zero) + :amount, #plan = :plan,"
            + " #updatedAt = :now, #customerId = :customerId, #type = :type, #lastRenewalId = :renewalId"
            + " ADD #renewalCount :one")
        .expressionAttributeNames(Map.of(
            "#balance", RenewalTable.BALANCE,
            "#plan", RenewalTable.ACTIVE_PLAN,
            "#updatedAt", RenewalTable.UPDATED_AT,
            "#customerId", RenewalTable.CUSTOMER_ID,
            "#type", RenewalTable.TYPE,
            "#lastRenewalId", RenewalTable.LAST_RENEWAL_ID,
            "#renewalCount", RenewalTable.RENEWAL_COUNT))
        .expressionAttributeValues(Map.of(
            ":zero", n("0"),
            ":amount", n(renewal.amount().toPlainString()),
            ":plan", s(renewal.planId()),
            ":now", s(now.toString()),
            ":customerId", s(renewal.customerId()),
            ":type", s(RenewalTable.TYPE_BALANCE),
            ":renewalId", s(renewal.renewalId()),
            ":one", n("1")))
        .build();

    return TransactWriteItemsRequest.builder()
        .transactItems(TransactWriteItem.builder().put(putRenewal).build(),
            TransactWriteItem.builder().update(addToBalance).build())
        .build();
  }

  private void reportDuplicate(Renewal renewal, Map<String, AttributeValue> stored) {
    boolean samePayload = stored == null || stored.isEmpty() || (
        renewal.planId().equals(text(stored, RenewalTable.PLAN_ID))
            && stored.get(RenewalTable.AMOUNT) != null
            && renewal.amount().compareTo(new BigDecimal(stored.get(RenewalTable.AMOUNT).n())) == 0);
    if (samePayload) {
      log.info("renewal.duplicate", fields("renewalId", renewal.renewalId(), "customerId", renewal.customerId()));
    } else {
      // The first request won; the caller reused an idempotency key for a different renewal.
      log.warn("renewal.idempotency_key_reused", fields("renewalId", renewal.renewalId(), "customerId",
          renewal.customerId(), "creditedPlanId", text(stored, RenewalTable.PLAN_ID), "ignoredPlanId",
          renewal.planId()));
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static List<String> reasonCodes(List<CancellationReason> reasons) {
    return reasons.stream().map(CancellationReason::code).toList();
  }

  private Duration backOff(int attempt) {
    long ceiling = Math.min(1000L, baseDelay.toMillis() << Math.min(attempt - 1, 16));
    return Duration.ofMillis((long) (jitter.nextDouble() * (ceiling + 1)));
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off a conflicting transaction", e);
    }
  }
}
