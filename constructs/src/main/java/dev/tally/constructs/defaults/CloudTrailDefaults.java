package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.TrailProps;

/** Default props for CloudTrail trails. */
public final class CloudTrailDefaults {

  private CloudTrailDefaults() {}

  /**
   * A multi-region trail of every management event (reads and writes, global services included) with log file
   * integrity validation, so a deleted or altered log file is detectable ({@code aws cloudtrail validate-logs}).
   * The first trail's management events are free; data events cost USD 0.10 per 100,000.
   */
  public static TrailProps.Builder auditTrailProps() {
    return TrailProps.builder()
        .isMultiRegionTrail(true)
        .includeGlobalServiceEvents(true)
        .managementEvents(ReadWriteType.ALL)
        .enableFileValidation(true)
        .sendToCloudWatchLogs(true);
  }
}
