package dev.tally.functions.worker;

import static dev.tally.functions.common.StructuredLog.fields;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.common.MalformedRenewalException;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.common.StructuredLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Credits one SQS batch, message by message, and reports only the messages that failed
 * ({@code ReportBatchItemFailures} must be enabled on the event source mapping). A failed message comes back after
 * the visibility timeout and, after {@code maxReceiveCount} receives, lands in the DLQ; the rest of the batch is
 * deleted. A malformed body is a failure too: it can never succeed, and the DLQ is where an operator sees it.
 *
 * <p>Messages are credited one after another within a {@link TimeBudget}: once it runs out (before a message starts,
 * or because a message's back-off would cross the deadline), that message and every one not yet started are reported
 * as failures at once. They are redelivered and credited later (exactly once, thanks to the conditional
 * writes of {@link BalanceLedger}), and the messages already credited are deleted, instead of the whole batch returning after a timeout.
 */
public final class RenewalCrediter {
  private final BalanceLedger ledger;
  private final StructuredLog log;
  private final RenewalMessageCodec codec = new RenewalMessageCodec();

  /**
   * @param ledger the exactly-once balance writes
   * @param log structured event log
   */
  public RenewalCrediter(BalanceLedger ledger, StructuredLog log) {
    this.ledger = ledger;
    this.log = log;
  }

  /** Credits every message it can, with no deadline; see {@link #credit(SQSEvent, TimeBudget)}. */
  public SQSBatchResponse credit(SQSEvent event) {
    return credit(event, TimeBudget.unlimited());
  }

  /**
   * Decodes and re-validates a built-in sample message, the part of a credit that runs before DynamoDB is called:
   * what SnapStart priming warms. Writes and logs nothing.
   */
  public void prime() {
    codec.decode("{\"renewalId\":\"b009d66d-090b-56fa-b8ed-e8d8b9536ac6\",\"customerId\":\"CUST-10042\","
        + "\"planId\":\"FIBER-100\",\"amount\":\"25.00\",\"acceptedAt\":\"2026-11-30T00:00:00Z\"}");
  }

  /** Credits every message it can within {@code budget}; the response lists the message ids to redeliver. */
  public SQSBatchResponse credit(SQSEvent event, TimeBudget budget) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
    for (int index = 0; index < messages.size(); index++) {
      SQSEvent.SQSMessage message = messages.get(index);
      Result result = budget.isExhausted() ? Result.OUT_OF_TIME : creditOne(message, budget);
      if (result == Result.OUT_OF_TIME) {
        List<SQSEvent.SQSMessage> deferred = messages.subList(index, messages.size());
        log.warn("renewal.batch_out_of_time", fields("deadline", budget.deadline().toString(), "deferredMessages",
            deferred.size(), "firstDeferredMessageId", message.getMessageId()));
        deferred.forEach(later -> failures.add(new SQSBatchResponse.BatchItemFailure(later.getMessageId())));
        break;
      }
      if (result == Result.FAILED) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** What happened to one message. */
  private enum Result { DONE, FAILED, OUT_OF_TIME }

  private Result creditOne(SQSEvent.SQSMessage message, TimeBudget budget) {
    Renewal renewal;
    try {
      renewal = codec.decode(message.getBody());
      checkAttributeAgrees(message, renewal);
    } catch (MalformedRenewalException e) {
      log.error("renewal.malformed", fields("messageId", message.getMessageId(), "receiveCount",
          receiveCount(message), "reason", e.getMessage()));
      return Result.FAILED;
    }
    try {
      CreditOutcome outcome = ledger.credit(renewal, budget);
      log.info(switch (outcome) {
        case CREDITED -> "renewal.credited";
        case ALREADY_CREDITED -> "renewal.already_credited";
        case RECORD_COMPLETED -> "renewal.record_completed";
      },
          fields("messageId", message.getMessageId(), "renewalId", renewal.renewalId(), "customerId",
              renewal.customerId(), "planId", renewal.planId()));
      return Result.DONE;
    } catch (OutOfTimeException e) {
      log.warn("renewal.credit_out_of_time", fields("messageId", message.getMessageId(), "renewalId",
          renewal.renewalId(), "customerId", renewal.customerId(), "receiveCount", receiveCount(message),
          "reason", e.getMessage()));
      return Result.OUT_OF_TIME;
    } catch (RuntimeException e) {
      // DynamoDB errors that outlasted the retries, or anything unforeseen: only this message is redelivered.
      log.error("renewal.credit_failed", fields("messageId", message.getMessageId(), "renewalId",
          renewal.renewalId(), "customerId", renewal.customerId(), "receiveCount", receiveCount(message),
          "exception", e.getClass().getSimpleName(), "reason", e.getMessage()));
      return Result.FAILED;
    }
  }

  /** The attribute and the body are written together by the ingest function; disagreement means tampering. */
  private static void checkAttributeAgrees(SQSEvent.SQSMessage message, Renewal renewal) {
    if (message.getMessageAttributes() == null) {
      return;
    }
    SQSEvent.MessageAttribute attribute =
        message.getMessageAttributes().get(RenewalMessageCodec.RENEWAL_ID_ATTRIBUTE);
    if (attribute != null && attribute.getStringValue() != null
        && !attribute.getStringValue().equals(renewal.renewalId())) {
      throw new MalformedRenewalException("renewalId attribute " + attribute.getStringValue()
          + " does not match the body's renewalId");
    }
  }

  private static String receiveCount(SQSEvent.SQSMessage message) {
    return message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
  }
}
