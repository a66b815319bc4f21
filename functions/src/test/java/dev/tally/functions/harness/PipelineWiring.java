package dev.tally.functions.harness;

import java.time.Duration;

/**
 * The numbers the RenewalPipeline construct deploys that decide how the pipeline behaves under load and faults. The
 * harness takes them as given; the construct's tests read them from the synthesized template
 * ({@code DeployedWiring} in {@code constructs/}), so the harness runs with what the construct deploys instead of a
 * second copy of the defaults.
 *
 * @param queueVisibilityTimeout how long a received message stays invisible (a failed one comes back after it)
 * @param maxReceiveCount receives after which the queue's redrive policy moves a message to the DLQ
 * @param workerBatchSize most messages per worker invocation (the event source's {@code BatchSize})
 * @param workerMaxBatchingWindow how long the event source gathers a batch before invoking with fewer
 * @param workerMaxConcurrency most concurrent worker invocations (the event source's {@code MaximumConcurrency})
 * @param workerTimeout the worker function's timeout: what {@code getRemainingTimeInMillis()} starts from
 * @param notifierBatchSize most stream records per notifier invocation
 */
public record PipelineWiring(Duration queueVisibilityTimeout, int maxReceiveCount, int workerBatchSize,
    Duration workerMaxBatchingWindow, int workerMaxConcurrency, Duration workerTimeout, int notifierBatchSize) {

  /** Rejects numbers no deployed pipeline could have, naming the field. */
  public PipelineWiring {
    if (maxReceiveCount < 1 || workerBatchSize < 1 || workerMaxConcurrency < 1 || notifierBatchSize < 1) {
      throw new IllegalArgumentException("maxReceiveCount, workerBatchSize, workerMaxConcurrency and"
          + " notifierBatchSize must be at least 1 (were " + maxReceiveCount + ", " + workerBatchSize + ", "
          + workerMaxConcurrency + ", " + notifierBatchSize + ")");
    }
    if (queueVisibilityTimeout.isNegative() || workerMaxBatchingWindow.isNegative() || workerTimeout.isZero()
        || workerTimeout.isNegative()) {
      throw new IllegalArgumentException("queueVisibilityTimeout and workerMaxBatchingWindow must not be negative"
          + " and workerTimeout must be positive");
    }
  }
}
