package dev.tally.constructs.defaults;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;

/** Default props for SQS queues. */
public final class SqsDefaults {

  /** SQS's own maximum retention: a backlog that outlives a long incident is still there afterwards. */
  public static final Duration MAX_RETENTION = Duration.days(14);

  private SqsDefaults() {}

  /**
   * An encrypted, TLS-only queue.
   *
   * <p>Encryption is SQS-managed (SSE-SQS): free, and no KMS request charge on every send/receive, which at
   * renewal-day volumes is a real line item (a FinOps default). Choose a customer-managed KMS key instead when a
   * key policy or CloudTrail record of every decrypt is required.
   */
  public static QueueProps.Builder encryptedQueueProps() {
    return QueueProps.builder()
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .retentionPeriod(MAX_RETENTION);
  }
}
