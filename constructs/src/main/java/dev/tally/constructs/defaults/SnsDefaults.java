package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.TopicProps;

/** Default props for SNS topics. */
public final class SnsDefaults {

  /** The AWS-managed SNS key: no monthly key fee, encryption at rest without a key to administer. */
  public static final String AWS_MANAGED_SNS_KEY_ALIAS = "alias/aws/sns";

  private SnsDefaults() {}

  /**
   * An encrypted, TLS-only topic. The key is passed in because an imported key alias must be created in the caller's
   * scope. Note that CloudWatch alarms and other AWS services cannot publish to a topic encrypted with the
   * AWS-managed key (its key policy cannot be changed): such topics need a customer-managed key.
   */
  public static TopicProps.Builder encryptedTopicProps(IKey masterKey) {
    return TopicProps.builder().masterKey(masterKey).enforceSsl(true);
  }
}
