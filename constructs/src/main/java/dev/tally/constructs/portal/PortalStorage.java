package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.S3Defaults;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.s3.TransitionDefaultMinimumObjectSize;
import software.constructs.Construct;

/** The access-log bucket and the documents bucket with its archive lifecycle. */
final class PortalStorage {

  private PortalStorage() {}

  static Bucket logBucket(Construct scope, CustomerPortalProps p) {
    return new Bucket(scope, "AccessLogs", S3Defaults.logBucketProps()
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("expire-access-logs")
            .expiration(p.accessLogRetention())
            .abortIncompleteMultipartUploadAfter(S3Defaults.ABORT_INCOMPLETE_UPLOADS_AFTER)
            .build()))
        .removalPolicy(removalPolicy(p))
        .build());
  }

  static IKey documentsKey(Construct scope, CustomerPortalProps p) {
    if (p.documentsEncryptionKey() != null) {
      return p.documentsEncryptionKey();
    }
    return Key.Builder.create(scope, "DocumentsKey")
        .description("Encrypts the customer portal's documents")
        .enableKeyRotation(true)
        .removalPolicy(removalPolicy(p))
        .build();
  }

  static Bucket documentsBucket(Construct scope, CustomerPortalProps p, IKey key, Bucket logBucket) {
    return new Bucket(scope, "Documents", S3Defaults.dataBucketProps()
        .encryptionKey(key)
        .serverAccessLogsBucket(logBucket)
        .serverAccessLogsPrefix("documents/")
        // S3's own default, stated: objects under 128 KB stay where they are. Glacier classes bill every object as
        // at least 128 KB and each transition costs a request, so moving a 50 KB invoice would cost more than it saves.
        .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K)
        .lifecycleRules(List.of(
            LifecycleRule.builder()
                .id("archive-documents")
                .transitions(List.of(Transition.builder()
                    .storageClass(p.documentsArchiveClass())
                    .transitionAfter(p.documentsArchiveAfter())
                    .build()))
                .build(),
            LifecycleRule.builder()
                .id("expire-noncurrent-versions")
                .noncurrentVersionExpiration(p.noncurrentVersionExpiration())
                .abortIncompleteMultipartUploadAfter(S3Defaults.ABORT_INCOMPLETE_UPLOADS_AFTER)
                .build()))
        .removalPolicy(removalPolicy(p))
        .build());
  }

  private static RemovalPolicy removalPolicy(CustomerPortalProps p) {
    return p.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  }
}
