package dev.tally.constructs.defaults;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.KeyProps;

/** Default props for customer-managed KMS keys. */
public final class KmsDefaults {

  private KmsDefaults() {}

  /**
   * A symmetric key that rotates yearly (free: KMS charges USD 1 a month per key, rotation adds no charge for the
   * first two rotations and USD 1 a month for later ones) and is RETAINed: deleting the key makes everything it
   * encrypted unreadable, which is never what deleting a stack should do.
   */
  public static KeyProps.Builder rotatingKeyProps(String description) {
    return KeyProps.builder()
        .description(description)
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN);
  }
}
