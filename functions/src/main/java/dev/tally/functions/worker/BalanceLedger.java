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
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Credits a renewal exactly once with single-item writes, never a transaction:
 *
 * <ol>
 *   <li><b>Look</b>: a consistent read of the renewal record. If it exists the renewal was credited (the record is
 *       only written after the balance), so nothing is written.
 *   <li><b>Credit</b>: one conditional {@code UpdateItem} of the balance item adds the amount and adds the renewal
 *       id to the applied-id set of the current window, on the condition that neither the current, the previous nor
 *       the next window's set holds it; the set two windows back is removed in the same write. A failed condition
 *       means an earlier delivery already credited this renewal.
 *   <li><b>Record</b>: a conditional {@code PutItem} of the {@code CREDITED} renewal record, whose stream
 *       {@code INSERT} is what the notifier announces. It runs whether step 2 credited or found the id, so a
 *       delivery after a crash between the two writes completes the record; a failed condition means another
 *       delivery wrote it.
 * </ol>
 *
 * A transactional write costs two write units per item and can be cancelled by a conflict on a hot balance; these
 * two writes cost one unit each (plus one read unit for the consistent look) and never conflict with each
 * other. Why this is exactly once, and why the applied-id sets stay small, is argued in {@code docs/functions.md}.
 *
 * <p>Throttling (and a conflict with someone else's transaction on the item) is retried here with jittered
 * exponential back-off, bounded by a {@link TimeBudget}: a retry whose pause would end past the invocation's
 * deadline is not attempted ({@link OutOfTimeException}), so a throttled batch cannot sleep the function into its
 * timeout.
 */
public final class BalanceLedger {
  /** DynamoDB error codes worth another attempt: the request was refused, not judged. */
  private static final Set<String> RETRYABLE_CODES = Set.of("ProvisionedThroughputExceededException",
      "ThrottlingException", "RequestLimitExceeded", "TransactionConflictException", "InternalServerError");
  /** Renewal items are kept this long (TTL on {@code expiresAt}): a client retrying with the same idempotency key
   * within it is recognised by step 1, whatever the applied-id sets hold by then. */
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
   * @param clock stamps {@code creditedAt} and {@code updatedAt}, and picks the applied-id window
   * @param maxAttempts attempts per request on throttling before giving up (then SQS redelivers)
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
   * @throws DynamoDbException when throttling outlasts the retries, or for an error retrying cannot fix; the caller
   *     reports the message as failed so SQS redelivers it (which is safe after any of the steps)
   * @throws OutOfTimeException when the next back-off would end past the budget's deadline
   */
  public CreditOutcome credit(Renewal renewal, TimeBudget budget) {
    Map<String, AttributeValue> recorded = attempt(renewal, budget, () -> storedRecord(renewal));
    if (!recorded.isEmpty()) {
      reportDuplicate(renewal, recorded);
      return CreditOutcome.ALREADY_CREDITED;
    }
    Instant now = clock.instant();
    Map<String, AttributeValue> balance = attempt(renewal, budget, () -> addToBalance(renewal, now));
    Map<String, AttributeValue> existing = attempt(renewal, budget, () -> putRecord(renewal, now));
    if (!existing.isEmpty()) {
      // Another delivery of this renewal wrote the record between our look and our put.
      reportDuplicate(renewal, existing);
    }
    if (balance == null) {
      return existing.isEmpty() ? CreditOutcome.RECORD_COMPLETED : CreditOutcome.ALREADY_CREDITED;
    }
    removeLeftoverWindows(renewal, balance, AppliedWindows.windowOf(now));
    return CreditOutcome.CREDITED;
  }

  /** Step 1: the renewal record, or an empty map. */
  private Map<String, AttributeValue> storedRecord(Renewal renewal) {
    return dynamoDb.getItem(request -> request.tableName(tableName).consistentRead(true)
        .key(RenewalTable.renewalKey(renewal.customerId(), renewal.renewalId()))).item();
  }

  /** Step 2: the balance item after this call added the amount, or null when the id was already applied. */
  private Map<String, AttributeValue> addToBalance(Renewal renewal, Instant now) {
    long window = AppliedWindows.windowOf(now);
    try {
      return dynamoDb.updateItem(request -> request
          .tableName(tableName)
          .key(RenewalTable.balanceKey(renewal.customerId()))
          .updateExpression("SET #balance = if_not_exists(#balance, :zero) + :amount, #plan = :plan,"
              + " #updatedAt = :now, #customerId = :customerId, #type = :type, #lastRenewalId = :renewalId"
              + " ADD #renewalCount :one, #applied :renewalIds"
              + " REMOVE #expired")
          .conditionExpression("NOT contains(#previous, :renewalId) AND NOT contains(#applied, :renewalId)"
              + " AND NOT contains(#next, :renewalId)")
          .expressionAttributeNames(Map.ofEntries(
              Map.entry("#balance", RenewalTable.BALANCE),
              Map.entry("#plan", RenewalTable.ACTIVE_PLAN),
              Map.entry("#updatedAt", RenewalTable.UPDATED_AT),
              Map.entry("#customerId", RenewalTable.CUSTOMER_ID),
              Map.entry("#type", RenewalTable.TYPE),
              Map.entry("#lastRenewalId", RenewalTable.LAST_RENEWAL_ID),
              Map.entry("#renewalCount", RenewalTable.RENEWAL_COUNT),
              Map.entry("#applied", RenewalTable.appliedIds(window)),
              Map.entry("#previous", RenewalTable.appliedIds(window - 1)),
              Map.entry("#next", RenewalTable.appliedIds(window + 1)),
              Map.entry("#expired", RenewalTable.appliedIds(window - 2))))
          .expressionAttributeValues(Map.of(
              ":zero", n("0"),
              ":amount", n(renewal.amount().toPlainString()),
              ":plan", s(renewal.planId()),
              ":now", s(now.toString()),
              ":customerId", s(renewal.customerId()),
              ":type", s(RenewalTable.TYPE_BALANCE),
              ":renewalId", s(renewal.renewalId()),
              ":renewalIds", AttributeValue.fromSs(List.of(renewal.renewalId())),
              ":one", n("1")))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
    } catch (ConditionalCheckFailedException alreadyApplied) {
      return null;
    }
  }

  /**
   * A customer idle for more than two windows still carries a set older than the one each credit removes; drop it
   * now (a rare extra write), so a balance item never holds more than the sets of three windows. Best effort: the
   * renewal is credited and recorded already, and the next credit of the customer tries again.
   */
  private void removeLeftoverWindows(Renewal renewal, Map<String, AttributeValue> balance, long window) {
    List<String> leftovers = AppliedWindows.leftovers(balance == null ? Set.of() : balance.keySet(), window);
    if (leftovers.isEmpty()) {
      return;
    }
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < leftovers.size(); i++) {
      names.put("#old" + i, leftovers.get(i));
    }
    try {
      dynamoDb.updateItem(request -> request.tableName(tableName)
          .key(RenewalTable.balanceKey(renewal.customerId()))
          .updateExpression("REMOVE " + String.join(", ", names.keySet()))
          .expressionAttributeNames(names));
    } catch (DynamoDbException e) {
      log.warn("renewal.applied_ids_cleanup_failed", fields("customerId", renewal.customerId(), "reason",
          e.getMessage()));
    }
  }

  /** Step 3: an empty map when this call wrote the record, else the record another delivery wrote. */
  private Map<String, AttributeValue> putRecord(Renewal renewal, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(RenewalTable.renewalKey(renewal.customerId(),
        renewal.renewalId()));
    item.put(RenewalTable.TYPE, s(RenewalTable.TYPE_RENEWAL));
    item.put(RenewalTable.RENEWAL_ID, s(renewal.renewalId()));
    item.put(RenewalTable.CUSTOMER_ID, s(renewal.customerId()));
    item.put(RenewalTable.PLAN_ID, s(renewal.planId()));
    item.put(RenewalTable.AMOUNT, n(renewal.amount().toPlainString()));
    item.put(RenewalTable.STATUS, s(RenewalTable.STATUS_CREDITED));
    item.put(RenewalTable.ACCEPTED_AT, s(renewal.acceptedAt().toString()));
    item.put(RenewalTable.CREDITED_AT, s(now.toString()));
    item.put(RenewalTable.EXPIRES_AT, n(Long.toString(now.plus(RENEWAL_RETENTION).getEpochSecond())));
    try {
      dynamoDb.putItem(request -> request.tableName(tableName).item(item)
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", RenewalTable.PK))
          // Returns the stored renewal on a duplicate, so a reused idempotency key with a different body is noticed.
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Map.of();
    } catch (ConditionalCheckFailedException e) {
      return e.hasItem() ? e.item() : Map.of(RenewalTable.PK, s(RenewalTable.customerPk(renewal.customerId())));
    }
  }

  /** Runs one request, retrying throttling with jittered back-off while the budget allows. */
  private <T> T attempt(Renewal renewal, TimeBudget budget, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (!RETRYABLE_CODES.contains(code) || attempt >= maxAttempts) {
          throw e;
        }
        Duration delay = backOff(attempt);
        if (!budget.allows(delay)) {
          throw new OutOfTimeException("still " + code + " after " + attempt + " attempt(s); a "
              + delay.toMillis() + " ms back-off would pass the invocation deadline " + budget.deadline(), e);
        }
        log.info("renewal.credit_retry", fields("renewalId", renewal.renewalId(), "customerId",
            renewal.customerId(), "attempt", attempt, "reason", code));
        pause(delay);
      }
    }
  }

  private void reportDuplicate(Renewal renewal, Map<String, AttributeValue> stored) {
    boolean samePayload = stored.get(RenewalTable.PLAN_ID) == null || (
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

  private Duration backOff(int attempt) {
    long ceiling = Math.min(1000L, baseDelay.toMillis() << Math.min(attempt - 1, 16));
    return Duration.ofMillis((long) (jitter.nextDouble() * (ceiling + 1)));
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off a throttled request", e);
    }
  }
}
