package dev.tally.constructs.defaults;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.ObjectOwnership;

/** Default props for S3 buckets. */
public final class S3Defaults {

  private S3Defaults() {}

  /**
   * A private, TLS-only, versioned bucket that is RETAINed with the stack: every public-access block on, object
   * ownership enforced to the bucket owner (no ACLs), SSE-S3 encryption (callers holding a KMS key replace it).
   */
  public static BucketProps.Builder secureBucketProps() {
    return BucketProps.builder()
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .versioned(true)
        .encryption(BucketEncryption.S3_MANAGED)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .removalPolicy(RemovalPolicy.RETAIN)
        .autoDeleteObjects(false);
  }
}
