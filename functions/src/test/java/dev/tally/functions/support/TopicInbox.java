package dev.tally.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A moto SNS topic with a moto SQS queue subscribed to it: what the notifier publishes is read back from the queue,
 * in the envelope SNS delivers to SQS subscribers (message, topic ARN, message attributes), instead of being
 * inferred from the request the client sent.
 */
public final class TopicInbox implements AutoCloseable {
  private final ObjectMapper json = Json.newMapper();
  private final SnsClient sns;
  private final SqsClient sqs;
  private final String topicArn;
  private final String queueUrl;

  private TopicInbox(LocalPeers peers, String name) {
    sns = peers.sns();
    sqs = peers.motoSqs();
    topicArn = sns.createTopic(request -> request.name(name)).topicArn();
    queueUrl = sqs.createQueue(request -> request.queueName(name + "-inbox")).queueUrl();
    String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(request -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
  }

  /** A fresh topic (unique name starting with {@code prefix}) and its subscribed queue. */
  public static TopicInbox create(LocalPeers peers, String prefix) {
    return new TopicInbox(peers, prefix + "-" + UUID.randomUUID());
  }

  /** The topic to publish to. */
  public String topicArn() {
    return topicArn;
  }

  /** A client for the topic's SNS (moto). */
  public SnsClient sns() {
    return sns;
  }

  /** One notification as the subscriber received it. */
  public record Notification(String topicArn, String message, Map<String, String> attributes) {}

  /** Every notification delivered so far and not yet taken, removing them from the queue. */
  public List<Notification> take() {
    List<Notification> taken = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (batch.isEmpty()) {
        return taken;
      }
      for (Message message : batch) {
        taken.add(parse(message.body()));
      }
      sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(batch.stream()
          .map(message -> DeleteMessageBatchRequestEntry.builder().id(message.messageId())
              .receiptHandle(message.receiptHandle()).build()).toList()));
    }
  }

  private Notification parse(String envelope) {
    try {
      JsonNode node = json.readTree(envelope);
      Map<String, String> attributes = new LinkedHashMap<>();
      node.path("MessageAttributes").fields().forEachRemaining(entry ->
          attributes.put(entry.getKey(), entry.getValue().path("Value").asText()));
      return new Notification(node.path("TopicArn").asText(), node.path("Message").asText(), attributes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("SNS delivered a body that is not its JSON envelope: " + envelope, e);
    }
  }

  @Override
  public void close() {
    sns.close();
    sqs.close();
  }
}
