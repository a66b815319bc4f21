package dev.tally.constructs.defaults;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.ObjectOwnership;

/** Default props for S3 buckets. */
public final class S3Defaults {

  /** Incomplete multipart uploads are billed as stored parts until aborted; a week covers any real upload. */
  public static final Duration ABORT_INCOMPLETE_UPLOADS_AFTER = Duration.days(7);

  private S3Defaults() {}

  /**
   * A private, TLS-only bucket with object ownership enforced (no ACLs). Callers add encryption: data buckets use
   * {@link #dataBucketProps}, log buckets {@link #logBucketProps}.
   */
  public static BucketProps.Builder privateBucketProps() {
    return BucketProps.builder()
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
  }

  /**
   * A versioned, KMS-encrypted private bucket with an S3 Bucket Key: the bucket key cuts KMS requests (and their
   * cost) by orders of magnitude, since S3 asks KMS for a data key per bucket and period rather than per object.
   */
  public static BucketProps.Builder dataBucketProps() {
    return privateBucketProps()
        .encryption(BucketEncryption.KMS)
        .bucketKeyEnabled(true)
        .versioned(true);
  }

  /**
   * A private bucket for access logs. Encryption is SSE-S3: Elastic Load Balancing can only deliver access logs to
   * buckets encrypted with S3-managed keys.
   */
  public static BucketProps.Builder logBucketProps() {
    return privateBucketProps()
        .encryption(BucketEncryption.S3_MANAGED);
  }
}
