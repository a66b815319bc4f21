package dev.tally.functions.deploy;

import dev.tally.functions.common.LambdaEnvironment;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the hook probes, from its environment (the RenewalPipeline construct sets all three).
 *
 * @param targetVersionArn    {@code TARGET_VERSION_ARN}: the version being deployed (a qualified function ARN)
 * @param probeEvent          {@code PROBE_EVENT}: the JSON event the new version is invoked with
 * @param expectedStatusCodes {@code EXPECTED_STATUS_CODES}: comma-separated HTTP status codes that count as healthy
 */
public record ProbeSettings(String targetVersionArn, String probeEvent, Set<Integer> expectedStatusCodes) {

  public static final String TARGET_VERSION_ARN = "TARGET_VERSION_ARN";
  public static final String PROBE_EVENT = "PROBE_EVENT";
  public static final String EXPECTED_STATUS_CODES = "EXPECTED_STATUS_CODES";

  public ProbeSettings {
    expectedStatusCodes = Set.copyOf(expectedStatusCodes);
  }

  /**
   * Reads and checks the settings.
   *
   * @throws IllegalStateException naming the variable that is missing or malformed
   */
  public static ProbeSettings from(LambdaEnvironment environment) {
    String target = environment.require(TARGET_VERSION_ARN, "the ARN of the function version to probe");
    String event = environment.require(PROBE_EVENT, "the JSON event to invoke that version with");
    String codes = environment.require(EXPECTED_STATUS_CODES, "the HTTP status codes that count as healthy, e.g. 200,404");
    Set<Integer> expected = new TreeSet<>();
    for (String code : Arrays.stream(codes.split(",")).map(String::trim).toList()) {
      if (!code.matches("[1-5]\\d\\d")) {
        throw new IllegalStateException("Environment variable " + EXPECTED_STATUS_CODES
            + " must list HTTP status codes separated by commas, e.g. 200,404 (was " + codes + ").");
      }
      expected.add(Integer.valueOf(code));
    }
    return new ProbeSettings(target, event, expected);
  }
}
