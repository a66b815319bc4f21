package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;

/** Default props for DynamoDB tables. */
public final class DynamoDbDefaults {

  private DynamoDbDefaults() {}

  /**
   * An on-demand table with point-in-time recovery and AWS-managed encryption.
   *
   * <p>PAY_PER_REQUEST because the load is two spikes a month: provisioned capacity would sit idle the rest of the
   * time. AWS-managed KMS encryption ({@code aws/dynamodb}) has no monthly key fee and shows every use of the key in
   * CloudTrail; pass a customer-managed key when the key policy itself must be owned.
   */
  public static TableProps.Builder tableProps() {
    return TableProps.builder()
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .encryption(TableEncryption.AWS_MANAGED)
        .pointInTimeRecoverySpecification(
            PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build());
  }
}
