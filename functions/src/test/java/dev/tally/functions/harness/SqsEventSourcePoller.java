package dev.tally.functions.harness;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.support.SqsEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * What Lambda's SQS event source mapping does for the worker, with the deployed numbers: at most
 * {@code workerMaxConcurrency} invocations at once, each with a batch of up to {@code workerBatchSize} messages
 * gathered for at most {@code workerMaxBatchingWindow}, a context whose remaining time starts at the function's
 * timeout, and {@code ReportBatchItemFailures}: the messages not reported as failed are deleted, the failed ones
 * return after the visibility timeout, and an invocation that fails as a whole (or reports an id that was not in its
 * batch) deletes nothing. The queue's own redrive policy moves a message to the DLQ after {@code maxReceiveCount}.
 *
 * <p>Optionally it delivers some messages twice, as SQS's at-least-once delivery may: every
 * {@code duplicateEvery}-th message received is sent to the queue again with the same body before the batch runs.
 */
final class SqsEventSourcePoller implements AutoCloseable {
  private final SqsClient sqs;
  private final String queueUrl;
  private final PipelineWiring wiring;
  private final WorkerFunction worker;
  private final int duplicateEvery;
  private final ExecutorService pollers;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong failedInvocations = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong reportedFailures = new AtomicLong();
  private final AtomicLong duplicatesSent = new AtomicLong();
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> receiveCounts =
      new java.util.concurrent.ConcurrentHashMap<>();

  SqsEventSourcePoller(SqsClient sqs, String queueUrl, PipelineWiring wiring, WorkerFunction worker,
      int duplicateEvery) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.wiring = wiring;
    this.worker = worker;
    this.duplicateEvery = duplicateEvery;
    this.pollers = Executors.newFixedThreadPool(wiring.workerMaxConcurrency(), runnable -> {
      Thread thread = new Thread(runnable, "sqs-event-source");
      thread.setDaemon(true);
      return thread;
    });
    // One poller per allowed concurrent invocation: a poller invokes synchronously, so never more than that many.
    for (int i = 0; i < wiring.workerMaxConcurrency(); i++) {
      pollers.execute(this::pollUntilClosed);
    }
  }

  private void pollUntilClosed() {
    while (running.get()) {
      try {
        List<SQSEvent.SQSMessage> batch = gatherBatch();
        if (!batch.isEmpty()) {
          invoke(batch);
        }
      } catch (RuntimeException e) {
        // A queue call failed (the queue is shutting down, or a transient error): poll again, as the mapping does.
        if (running.get()) {
          sleep(Duration.ofMillis(50));
        }
      }
    }
  }

  /** Receives until the batch is full or the batching window since the first receive has passed. */
  private List<SQSEvent.SQSMessage> gatherBatch() {
    List<SQSEvent.SQSMessage> batch = new ArrayList<>();
    long windowEnds = System.nanoTime() + wiring.workerMaxBatchingWindow().toNanos();
    do {
      List<SQSEvent.SQSMessage> page = SqsEvents.receive(sqs, queueUrl, wiring.workerBatchSize() - batch.size())
          .getRecords();
      batch.addAll(page);
      if (batch.isEmpty()) {
        return batch;
      }
    } while (batch.size() < wiring.workerBatchSize() && System.nanoTime() < windowEnds && running.get());
    return batch;
  }

  private void invoke(List<SQSEvent.SQSMessage> batch) {
    for (SQSEvent.SQSMessage message : batch) {
      String count = message.getAttributes().get("ApproximateReceiveCount");
      if (count != null) {
        receiveCounts.merge(message.getMessageId(), Integer.parseInt(count), Math::max);
      }
      if (duplicateEvery > 0 && received.incrementAndGet() % duplicateEvery == 0) {
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(message.getBody()));
        duplicatesSent.incrementAndGet();
      }
    }
    if (duplicateEvery == 0) {
      received.addAndGet(batch.size());
    }
    int now = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(now, Math::max);
    invocations.incrementAndGet();
    SQSBatchResponse response;
    try {
      response = worker.invoke(SqsEvents.batch(batch), new WorkerInvocationContext("worker",
          wiring.workerTimeout()));
    } catch (RuntimeException | Error died) {
      failedInvocations.incrementAndGet();
      return;
    } finally {
      inFlight.decrementAndGet();
    }
    Set<String> ids = batch.stream().map(SQSEvent.SQSMessage::getMessageId).collect(Collectors.toSet());
    Set<String> failed = response == null || response.getBatchItemFailures() == null ? Set.of()
        : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
            .collect(Collectors.toSet());
    if (!ids.containsAll(failed)) {
      // Lambda treats a response naming an unknown id as a failure of the whole batch.
      failedInvocations.incrementAndGet();
      return;
    }
    reportedFailures.addAndGet(failed.size());
    List<DeleteMessageBatchRequestEntry> done = batch.stream().filter(m -> !failed.contains(m.getMessageId()))
        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.getMessageId()).receiptHandle(m.getReceiptHandle())
            .build()).toList();
    for (int from = 0; from < done.size(); from += 10) {
      List<DeleteMessageBatchRequestEntry> page = done.subList(from, Math.min(done.size(), from + 10));
      sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(page));
    }
  }

  /** Worker invocations running right now. */
  int inFlight() {
    return inFlight.get();
  }

  /** The most worker invocations that ran at once. */
  int peakInFlight() {
    return peakInFlight.get();
  }

  long invocations() {
    return invocations.get();
  }

  long failedInvocations() {
    return failedInvocations.get();
  }

  long reportedFailures() {
    return reportedFailures.get();
  }

  long received() {
    return received.get();
  }

  /** The highest {@code ApproximateReceiveCount} the queue reported for a message id, or 0 if never received. */
  int receiveCount(String messageId) {
    return receiveCounts.getOrDefault(messageId, 0);
  }

  long duplicatesSent() {
    return duplicatesSent.get();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    pollers.shutdown();
    try {
      if (!pollers.awaitTermination(30, TimeUnit.SECONDS)) {
        pollers.shutdownNow();
      }
    } catch (InterruptedException e) {
      pollers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
