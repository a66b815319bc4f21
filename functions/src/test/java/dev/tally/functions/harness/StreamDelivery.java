package dev.tally.functions.harness;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.support.StreamEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's DynamoDB stream event source does for the notifier: reads the table's real stream from moto shard by
 * shard from the start ({@code TRIM_HORIZON}), in batches of up to {@code notifierBatchSize} records, in order, and
 * with {@code ReportBatchItemFailures} retries a batch from the first failed record (the records before it are not
 * delivered again).
 */
final class StreamDelivery implements AutoCloseable {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final NotifierHandler notifier;
  private final int batchSize;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong lastActivityNanos = new AtomicLong(System.nanoTime());
  private final Map<String, String> iterators = new HashMap<>();
  private final Thread reader;

  StreamDelivery(DynamoDbStreamsClient streams, String streamArn, NotifierHandler notifier, int batchSize) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.notifier = notifier;
    this.batchSize = batchSize;
    this.reader = new Thread(this::readUntilClosed, "stream-event-source");
    reader.setDaemon(true);
    reader.start();
  }

  private void readUntilClosed() {
    while (running.get()) {
      try {
        if (!readEachShardOnce()) {
          sleep(Duration.ofMillis(250));
        }
      } catch (RuntimeException e) {
        if (running.get()) {
          sleep(Duration.ofMillis(200));
        }
      }
    }
  }

  /** One page from every shard; true when any shard had records. The shard list is read again when one closes. */
  private boolean readEachShardOnce() {
    if (iterators.isEmpty() || iterators.containsValue(null)) {
      discoverShards();
    }
    boolean any = false;
    for (Map.Entry<String, String> shard : iterators.entrySet()) {
      if (shard.getValue() == null) {
        continue;
      }
      var page = streams.getRecords(request -> request.shardIterator(shard.getValue()).limit(batchSize));
      shard.setValue(page.nextShardIterator());
      if (!page.records().isEmpty()) {
        any = true;
        lastActivityNanos.set(System.nanoTime());
        deliver(page.records().stream().map(record -> StreamEvents.toLambda(record, streamArn)).toList());
      }
    }
    return any;
  }

  private void discoverShards() {
    for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription()
        .shards()) {
      iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(request -> request
          .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
    }
  }

  /** Invokes until every record of the batch was handled, restarting from the first failure each time. */
  private void deliver(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<DynamodbEvent.DynamodbStreamRecord> pending = new ArrayList<>(records);
    while (!pending.isEmpty() && running.get()) {
      invocations.incrementAndGet();
      StreamsEventResponse response = notifier.handleRequest(StreamEvents.batch(pending), null);
      List<StreamsEventResponse.BatchItemFailure> failures = response.getBatchItemFailures();
      if (failures == null || failures.isEmpty()) {
        delivered.addAndGet(pending.size());
        return;
      }
      String failedSequence = failures.get(0).getItemIdentifier();
      int from = 0;
      while (from < pending.size() && !pending.get(from).getDynamodb().getSequenceNumber().equals(failedSequence)) {
        from++;
      }
      delivered.addAndGet(from);
      pending = new ArrayList<>(pending.subList(Math.min(from, pending.size()), pending.size()));
      retries.incrementAndGet();
      sleep(Duration.ofMillis(100));
    }
  }

  /** Stream records handed to the notifier and not reported as failed. */
  long delivered() {
    return delivered.get();
  }

  long invocations() {
    return invocations.get();
  }

  /** How long ago the stream last had records. */
  Duration idleFor() {
    return Duration.ofNanos(System.nanoTime() - lastActivityNanos.get());
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
    try {
      reader.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
