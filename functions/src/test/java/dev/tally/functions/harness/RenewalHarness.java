package dev.tally.functions.harness;

import dev.tally.functions.balance.BalanceHandler;
import dev.tally.functions.balance.BalanceQuery;
import dev.tally.functions.common.StructuredLog;
import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.ingest.RenewalIntake;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.notifier.RenewalNotifier;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.support.TopicInbox;
import dev.tally.functions.worker.BalanceLedger;
import dev.tally.functions.worker.RenewalCrediter;
import dev.tally.functions.worker.WorkerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The renewal pipeline run locally the way the deployed stack wires it, with the real handlers on real peers:
 *
 * <pre>
 * HTTP (loopback) ─► {@link ApiFront} (request model) ─► ingest ─► ElasticMQ queue (visibility timeout, redrive to a
 * DLQ after maxReceiveCount) ─► {@link SqsEventSourcePoller} (batch size, window, max concurrency, partial batch
 * failures) ─► worker ─► [{@link ThrottlingProxy}] ─► moto DynamoDB ─► its stream ─► {@link StreamDelivery} ─►
 * notifier ─► moto SNS topic ─► a subscribed moto SQS queue ({@link TopicInbox})
 * HTTP GET /balance/{id} ─► balance ─► moto DynamoDB
 * </pre>
 *
 * The numbers come from a {@link PipelineWiring} (what the construct deploys); faults from {@link Options}. The
 * handlers log into an {@link EventCounts}.
 */
public final class RenewalHarness implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final PipelineWiring wiring;
  private final EventCounts events = new EventCounts();
  private final WriteMeter writes = new WriteMeter();
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final String table;
  private final String queueUrl;
  private final String deadLetterQueueUrl;
  private final TopicInbox inbox;
  private final ThrottlingProxy throttling;
  private final ApiFront front;
  private final SqsEventSourcePoller poller;
  private final StreamDelivery stream;

  /** Faults and sizes of one run; {@link #defaults()} injects nothing. */
  public record Options(RequestGate renewalGate, RequestGate balanceGate, int throttleEvery, int duplicateEvery,
      UnaryOperator<WorkerFunction> workerFault, int frontThreads) {
    /** No faults, no request validation, 64 front threads. */
    public static Options defaults() {
      return new Options(RequestGate.none(), RequestGate.none(), 0, 0, UnaryOperator.identity(), 64);
    }

    /** The request validation of both methods (from the construct's template). */
    public Options gates(RequestGate renewals, RequestGate balance) {
      return new Options(renewals, balance, throttleEvery, duplicateEvery, workerFault, frontThreads);
    }

    /** Every {@code n}-th worker write (UpdateItem or PutItem) is throttled by DynamoDB (0: none). */
    public Options throttleEvery(int n) {
      return new Options(renewalGate, balanceGate, n, duplicateEvery, workerFault, frontThreads);
    }

    /** Every {@code n}-th message the event source receives is delivered again (0: none). */
    public Options duplicateEvery(int n) {
      return new Options(renewalGate, balanceGate, throttleEvery, n, workerFault, frontThreads);
    }

    /** Wraps the worker as the event source invokes it, to make some invocations misbehave. */
    public Options workerFault(UnaryOperator<WorkerFunction> fault) {
      return new Options(renewalGate, balanceGate, throttleEvery, duplicateEvery, fault, frontThreads);
    }

    /** Threads serving the HTTP front (API Gateway and Lambda scale out; the front must not be the bottleneck). */
    public Options frontThreads(int n) {
      return new Options(renewalGate, balanceGate, throttleEvery, duplicateEvery, workerFault, n);
    }
  }

  private RenewalHarness(LocalPeers peers, PipelineWiring wiring, Options options) throws IOException {
    this.wiring = wiring;
    StructuredLog log = new StructuredLog(events, Clock.systemUTC());
    dynamoDb = track(peers.dynamoDb());
    sqs = track(peers.sqs());
    table = RenewalTables.create(dynamoDb, "harness");
    String suffix = table.substring("harness-".length());
    deadLetterQueueUrl = sqs.createQueue(request -> request.queueName("renewals-dlq-" + suffix)).queueUrl();
    String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterQueueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    queueUrl = sqs.createQueue(request -> request.queueName("renewals-" + suffix).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(wiring.queueVisibilityTimeout().toSeconds()),
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
            + "\",\"maxReceiveCount\":\"" + wiring.maxReceiveCount() + "\"}"))).queueUrl();
    inbox = track(TopicInbox.create(peers, "harness-credited"));

    throttling = options.throttleEvery() > 0
        ? track(new ThrottlingProxy(peers.dynamoDbEndpoint(), Set.of("UpdateItem", "PutItem"),
            options.throttleEvery()))
        : null;
    URI workerTable = throttling == null ? peers.dynamoDbEndpoint() : throttling.endpoint();
    DynamoDbClient workerDynamoDb = track(DynamoDbClient.builder().endpointOverride(workerTable)
        .region(LocalPeers.REGION).credentialsProvider(LocalPeers.CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.addExecutionInterceptor(writes)).build());

    IngestHandler ingest = new IngestHandler(new RenewalIntake(sqs, queueUrl, log, Clock.systemUTC()));
    BalanceHandler balance = new BalanceHandler(new BalanceQuery(dynamoDb, table, log));
    WorkerHandler worker = new WorkerHandler(new RenewalCrediter(
        BalanceLedger.withDefaultRetries(workerDynamoDb, table, log, Clock.systemUTC()), log));
    NotifierHandler notifier = new NotifierHandler(new RenewalNotifier(inbox.sns(), inbox.topicArn(), log));

    String streamArn = dynamoDb.describeTable(request -> request.tableName(table)).table().latestStreamArn();
    // Stopped in reverse order: the front first, then the poller, then the stream.
    stream = track(new StreamDelivery(track(peers.dynamoDbStreams()), streamArn, notifier,
        wiring.notifierBatchSize()));
    poller = track(new SqsEventSourcePoller(track(peers.sqs()), queueUrl, wiring,
        options.workerFault().apply(worker::handleRequest), options.duplicateEvery()));
    front = track(new ApiFront(ingest, balance, options.renewalGate(), options.balanceGate(),
        options.frontThreads()));
  }

  /**
   * Creates a fresh table, queue, DLQ and topic on the peers and starts the front, the event source and the stream.
   */
  public static RenewalHarness start(LocalPeers peers, PipelineWiring wiring, Options options) {
    try {
      return new RenewalHarness(peers, wiring, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the harness's loopback HTTP front", e);
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  /** The API's base URL: {@code POST <endpoint>/renewals}, {@code GET <endpoint>/balance/<id>}. */
  public URI endpoint() {
    return front.endpoint();
  }

  /** The numbers this harness runs with. */
  public PipelineWiring wiring() {
    return wiring;
  }

  /** A client of the peers' DynamoDB, to read the table afterwards. */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** A client of the renewal queue's SQS (ElasticMQ). */
  public SqsClient sqs() {
    return sqs;
  }

  public String table() {
    return table;
  }

  public String queueUrl() {
    return queueUrl;
  }

  public String deadLetterQueueUrl() {
    return deadLetterQueueUrl;
  }

  /** What the notifier published, as the topic's subscriber received it. */
  public TopicInbox inbox() {
    return inbox;
  }

  /** The handlers' log events, counted. */
  public EventCounts events() {
    return events;
  }

  /** What happened while it ran. */
  public Figures figures() {
    return new Figures(poller.invocations(), poller.failedInvocations(), poller.reportedFailures(),
        poller.received(), poller.duplicatesSent(), poller.peakInFlight(), writes.peakPerSecond(), writes.total(),
        throttling == null ? 0 : throttling.throttled(), stream.delivered(), stream.invocations());
  }

  /**
   * Counts of one run.
   *
   * @param workerInvocations worker invocations by the event source
   * @param failedWorkerInvocations invocations that failed as a whole (nothing deleted)
   * @param reportedItemFailures batch item failures the worker reported
   * @param messagesReceived messages the event source received (redeliveries included)
   * @param duplicatesInjected messages delivered a second time on purpose
   * @param peakConcurrentWorkers most worker invocations at once
   * @param peakWritesPerSecond most successful worker table writes (UpdateItem + PutItem) in one second
   * @param writes successful worker table writes
   * @param throttled worker writes answered with throttling
   * @param streamRecordsDelivered stream records the notifier handled
   * @param notifierInvocations notifier invocations
   */
  public record Figures(long workerInvocations, long failedWorkerInvocations, long reportedItemFailures,
      long messagesReceived, long duplicatesInjected, int peakConcurrentWorkers, long peakWritesPerSecond,
      long writes, long throttled, long streamRecordsDelivered, long notifierInvocations) {}

  /** How many times the event source received the message with this id (its highest receive count). */
  public int receiveCount(String messageId) {
    return poller.receiveCount(messageId);
  }

  /** Messages on the renewal queue, visible or in flight. */
  public long queueDepth() {
    return depth(queueUrl);
  }

  /** Messages on the dead-letter queue. */
  public long deadLetterDepth() {
    return depth(deadLetterQueueUrl);
  }

  private long depth(String url) {
    Map<String, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributesAsStrings();
    return attributes.values().stream().mapToLong(Long::parseLong).sum();
  }

  /**
   * Waits until the queue is empty, no worker runs and the stream has been quiet for a second (everything credited
   * was announced), or the timeout passes.
   *
   * @return true when drained, false on timeout
   */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (queueDepth() == 0 && poller.inFlight() == 0 && stream.idleFor().compareTo(Duration.ofSeconds(1)) > 0) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /**
   * Stops the event source and the stream delivery (the peers and the front stay up), so reading the results back
   * does not compete with polling for the one moto server.
   */
  public void stopDelivery() {
    poller.close();
    stream.close();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the renewal harness failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
