package dev.tally.functions.support;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Lambda SQS events built the way the event source mapping builds them from received messages. */
public final class SqsEvents {
  private SqsEvents() {}

  /** Receives up to {@code max} messages (with all attributes) and wraps them as one Lambda batch. */
  public static SQSEvent receive(SqsClient sqs, String queueUrl, int max) {
    List<Message> received = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
        .maxNumberOfMessages(Math.min(max, 10))
        .waitTimeSeconds(1)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")).messages();
    SQSEvent event = new SQSEvent();
    event.setRecords(received.stream().map(SqsEvents::toRecord).toList());
    return event;
  }

  /** A single record with the given id and body and no attributes (a message someone sent by hand). */
  public static SQSEvent.SQSMessage record(String messageId, String body) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(messageId);
    record.setReceiptHandle("handle-" + messageId);
    record.setBody(body);
    record.setEventSource("aws:sqs");
    record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    record.setMessageAttributes(Map.of());
    return record;
  }

  /** A batch of records. */
  public static SQSEvent batch(List<SQSEvent.SQSMessage> records) {
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static SQSEvent.SQSMessage toRecord(Message message) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setMd5OfBody(message.md5OfBody());
    record.setEventSource("aws:sqs");
    record.setAttributes(message.attributesAsStrings());
    Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
    message.messageAttributes().forEach((name, value) -> {
      SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
      attribute.setDataType(value.dataType());
      attribute.setStringValue(value.stringValue());
      attributes.put(name, attribute);
    });
    record.setMessageAttributes(attributes);
    return record;
  }
}
