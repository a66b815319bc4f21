package dev.tally.functions.support;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What Lambda's SQS event source mapping does with {@code ReportBatchItemFailures}: receive a batch, invoke the
 * function, delete the messages it did not report as failed. Failed ones stay on the queue, come back after the
 * visibility timeout, and are moved to the DLQ by the queue's redrive policy.
 */
public final class EventSourceMapping {
  private EventSourceMapping() {}

  /** One poll; returns how many messages were received. */
  public static int pollOnce(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> function) {
    SQSEvent event = SqsEvents.receive(sqs, queueUrl, 10);
    if (event.getRecords().isEmpty()) {
      return 0;
    }
    SQSBatchResponse response = function.apply(event);
    Set<String> failed = response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    event.getRecords().stream().filter(record -> !failed.contains(record.getMessageId()))
        .forEach(record -> sqs.deleteMessage(request -> request.queueUrl(queueUrl)
            .receiptHandle(record.getReceiptHandle())));
    return event.getRecords().size();
  }
}
