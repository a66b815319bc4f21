package dev.tally.functions.notifier;

import static dev.tally.functions.common.StructuredLog.fields;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.common.StructuredLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Publishes one SNS message per renewal that became credited. Messages go to a topic (not straight to a phone
 * number, so the table holds no phone numbers): the {@code customerId} message attribute lets an SMS subscription's
 * filter policy, or a subscriber that looks the number up, deliver it; {@code AWS.SNS.SMS.SMSType=Transactional}
 * asks SNS for the reliable SMS route.
 *
 * <p>On the first record that fails, that record's sequence number is reported and the rest of the batch is left
 * alone: Lambda retries a stream from the lowest reported sequence number, so publishing later records now would
 * send their SMS twice.
 */
public final class RenewalNotifier {
  /** Message attribute naming the kind of event, for subscription filter policies. */
  public static final String EVENT_TYPE = "renewal.credited";

  private final SnsClient sns;
  private final String topicArn;
  private final StructuredLog log;
  private final CreditedRenewalFilter filter = new CreditedRenewalFilter();

  /**
   * @param sns client for the notification topic
   * @param topicArn the standard topic SMS subscribers listen on (FIFO topics cannot deliver SMS)
   * @param log structured event log
   */
  public RenewalNotifier(SnsClient sns, String topicArn, StructuredLog log) {
    this.sns = sns;
    this.topicArn = topicArn;
    this.log = log;
  }

  /**
   * Reads a built-in sample stream record and builds its Publish request without sending it: what SnapStart priming
   * warms. Publishes and logs nothing.
   */
  public void prime() {
    Map<String, AttributeValue> image = Map.of(
        RenewalTable.PK, new AttributeValue().withS(RenewalTable.customerPk("CUST-10042")),
        RenewalTable.SK, new AttributeValue().withS(RenewalTable.RENEWAL_SK_PREFIX + "priming"),
        RenewalTable.STATUS, new AttributeValue().withS(RenewalTable.STATUS_CREDITED),
        RenewalTable.RENEWAL_ID, new AttributeValue().withS("b009d66d-090b-56fa-b8ed-e8d8b9536ac6"),
        RenewalTable.CUSTOMER_ID, new AttributeValue().withS("CUST-10042"),
        RenewalTable.PLAN_ID, new AttributeValue().withS("FIBER-100"),
        RenewalTable.AMOUNT, new AttributeValue().withN("25.00"));
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setDynamodb(new StreamRecord().withSequenceNumber("0").withNewImage(image));
    CreditedRenewal renewal = filter.creditedRenewal(record)
        .orElseThrow(() -> new IllegalStateException("the priming sample is not a credited renewal"));
    publishRequest(renewal);
  }

  /** Announces the batch's credited renewals; the response names the first record to retry, if any. */
  public StreamsEventResponse announce(DynamodbEvent event) {
    List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
      try {
        Optional<CreditedRenewal> credited = filter.creditedRenewal(record);
        if (credited.isPresent()) {
          publish(credited.get());
        }
      } catch (RuntimeException e) {
        // SNS refusals, unreadable records and bugs alike: report this record so the batch resumes here.
        log.error("renewal.notify_failed", fields("sequenceNumber", sequenceNumber, "eventId",
            record.getEventID(), "exception", e.getClass().getSimpleName(), "reason", e.getMessage()));
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
      }
    }
    return new StreamsEventResponse(List.of());
  }

  private void publish(CreditedRenewal renewal) {
    PublishResponse response = sns.publish(publishRequest(renewal));
    log.info("renewal.notified", fields("renewalId", renewal.renewalId(), "customerId", renewal.customerId(),
        "snsMessageId", response.messageId()));
  }

  private PublishRequest publishRequest(CreditedRenewal renewal) {
    return PublishRequest.builder()
        .topicArn(topicArn)
        .message(SmsText.forCredit(renewal))
        .messageAttributes(Map.of(
            "customerId", text(renewal.customerId()),
            "renewalId", text(renewal.renewalId()),
            "eventType", text(EVENT_TYPE),
            "AWS.SNS.SMS.SMSType", text("Transactional")))
        .build();
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
