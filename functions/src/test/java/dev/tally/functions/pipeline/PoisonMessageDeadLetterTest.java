package dev.tally.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.EventSourceMapping;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import dev.tally.functions.worker.WorkerHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A poison message on a real queue with a redrive policy: the batch goes through, the poison ends in the DLQ. */
@ExtendWith(LocalPeersExtension.class)
@DisplayName("Worker on a queue with a dead-letter queue")
class PoisonMessageDeadLetterTest {
  private static final int MAX_RECEIVE_COUNT = 2;

  private final SqsClient sqs;
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final WorkerHandler worker;

  PoisonMessageDeadLetterTest(LocalPeers peers) {
    sqs = peers.sqs();
    dynamoDb = peers.dynamoDb();
    table = RenewalTables.create(dynamoDb, "dlq");
    CapturedLog log = new CapturedLog();
    worker = new WorkerHandler(new RenewalCrediter(
        BalanceLedger.withDefaultRetries(dynamoDb, table, log.log(), Clock.systemUTC()), log.log()));
  }

  @Test
  @DisplayName("credits the good messages once and moves the poison message to the DLQ after maxReceiveCount")
  void poisonToDeadLetterQueue() {
    String suffix = UUID.randomUUID().toString();
    String dlqUrl = sqs.createQueue(request -> request.queueName("renewals-dlq-" + suffix)).queueUrl();
    String dlqArn = sqs.getQueueAttributes(request -> request.queueUrl(dlqUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    String queueUrl = sqs.createQueue(request -> request.queueName("renewals-" + suffix).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "1",
        QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}")))
        .queueUrl();
    RenewalMessageCodec codec = new RenewalMessageCodec();
    for (String amount : List.of("10.00", "15.00")) {
      sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(codec.encode(new Renewal(
          UUID.randomUUID().toString(), "CUST-DLQ", "FIBER-100", new BigDecimal(amount), Instant.now()))));
    }
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody("{\"customerId\":\"CUST-DLQ\"}"));

    // Poll until the main queue is drained: the poison comes back after each visibility timeout until redriven.
    for (int poll = 0; poll < 10 && depth(queueUrl) > 0; poll++) {
      EventSourceMapping.pollOnce(sqs, queueUrl, event -> worker.handleRequest(event, null));
    }

    assertThat(depth(queueUrl)).isZero();
    List<Message> deadLetters = sqs.receiveMessage(request -> request.queueUrl(dlqUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(1)).messages();
    assertThat(deadLetters).extracting(Message::body).containsExactly("{\"customerId\":\"CUST-DLQ\"}");
    assertThat(new BigDecimal(RenewalTables.balanceItem(dynamoDb, table, "CUST-DLQ").get("balance").n()))
        .isEqualByComparingTo("25.00");
    assertThat(RenewalTables.renewalCount(dynamoDb, table, "CUST-DLQ")).isEqualTo(2);
  }

  /** Visible plus in-flight messages. */
  private int depth(String queueUrl) {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
