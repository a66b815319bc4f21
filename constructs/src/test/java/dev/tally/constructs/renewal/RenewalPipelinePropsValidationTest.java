package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;

/** Props are checked before anything is synthesized; no stack is needed here. */
@DisplayName("RenewalPipelineProps validation")
class RenewalPipelinePropsValidationTest {

  private static Code code;

  @BeforeAll
  static void placeholderCode() {
    code = PipelineFixtures.placeholderCode();
  }

  private static InvalidRenewalPipelinePropsException rejected(
      UnaryOperator<RenewalPipelineProps.Builder> change) {
    return catchThrowableOfType(InvalidRenewalPipelinePropsException.class,
        () -> change.apply(RenewalPipelineProps.builder().functionCode(code)).build());
  }

  private static void assertRejected(UnaryOperator<RenewalPipelineProps.Builder> change, String expected) {
    InvalidRenewalPipelinePropsException e = rejected(change);
    assertThat(e).as("expected rejection mentioning: " + expected).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).startsWith("RenewalPipelineProps invalid: ").contains(expected);
  }

  @Test
  @DisplayName("the defaults are valid and the visibility timeout defaults to 6 x worker timeout + batching window")
  void defaultsAreValid() {
    RenewalPipelineProps props = RenewalPipelineProps.builder().functionCode(code).build();
    assertThat(props.queueVisibilityTimeout().toSeconds()).isEqualTo(6 * 30 + 2);
    assertThat(props.workerMaxConcurrency()).isEqualTo(10);
  }

  @Test
  @DisplayName("the default visibility timeout follows a changed worker timeout")
  void visibilityFollowsWorkerTimeout() {
    RenewalPipelineProps props = RenewalPipelineProps.builder().functionCode(code)
        .workerTimeout(Duration.minutes(2)).workerMaxBatchingWindow(Duration.seconds(5)).build();
    assertThat(props.queueVisibilityTimeout().toSeconds()).isEqualTo(6 * 120 + 5);
  }

  @Test
  @DisplayName("functionCode is required")
  void functionCodeRequired() {
    assertThatThrownBy(() -> RenewalPipelineProps.builder().build())
        .isInstanceOf(InvalidRenewalPipelinePropsException.class)
        .hasMessageContaining("functionCode is required");
  }

  @Test
  @DisplayName("workerMaxConcurrency outside 2..1000 is named with the value given")
  void workerMaxConcurrency() {
    assertRejected(b -> b.workerMaxConcurrency(1), "workerMaxConcurrency must be between 2 and 1000 (was 1)");
    assertRejected(b -> b.workerMaxConcurrency(1001), "workerMaxConcurrency must be between 2 and 1000 (was 1001)");
  }

  @Test
  @DisplayName("a visibility timeout below 6 x worker timeout + batching window is rejected")
  void visibilityTimeoutTooShort() {
    assertRejected(b -> b.workerTimeout(Duration.seconds(60)).queueVisibilityTimeout(Duration.seconds(300)),
        "queueVisibilityTimeout must be at least 6 x workerTimeout + workerMaxBatchingWindow = 362 seconds");
    // Exactly 6 x timeout is not enough once messages also wait out a 10 s batching window.
    assertRejected(b -> b.workerTimeout(Duration.seconds(60)).workerMaxBatchingWindow(Duration.seconds(10))
            .queueVisibilityTimeout(Duration.seconds(360)), "= 370 seconds");
  }

  @Test
  @DisplayName("a non-Java runtime is rejected")
  void runtimeMustBeJava() {
    assertRejected(b -> b.runtime(Runtime.PYTHON_3_12), "runtime must be a Java runtime");
  }

  @Test
  @DisplayName("ingest and balance timeouts above API Gateway's 29 s are rejected")
  void apiTimeouts() {
    assertRejected(b -> b.ingestTimeout(Duration.seconds(30)), "ingestTimeout must be a whole number of seconds"
        + " between 1 and 29");
    assertRejected(b -> b.balanceTimeout(Duration.minutes(1)), "balanceTimeout");
  }

  @Test
  @DisplayName("fractional or out-of-range durations are rejected")
  void durations() {
    assertRejected(b -> b.workerTimeout(Duration.millis(1500)), "workerTimeout must be a whole number of seconds");
    assertRejected(b -> b.notifierMaxRecordAge(Duration.days(8)), "notifierMaxRecordAge");
    assertRejected(b -> b.queueRetentionPeriod(Duration.days(15)), "queueRetentionPeriod");
    assertRejected(b -> b.workerMaxBatchingWindow(Duration.minutes(6)), "workerMaxBatchingWindow");
    assertRejected(b -> b.notifierTimeout(null), "notifierTimeout must not be null");
  }

  @Test
  @DisplayName("memory sizes outside 128..10240 MB are rejected")
  void memory() {
    assertRejected(b -> b.ingestMemorySize(64), "ingestMemorySize must be between 128 and 10240 (was 64)");
    assertRejected(b -> b.balanceMemorySize(20_000), "balanceMemorySize");
  }

  @Test
  @DisplayName("a batch above 10 messages needs a batching window")
  void batchNeedsWindow() {
    assertRejected(b -> b.workerBatchSize(100).workerMaxBatchingWindow(Duration.seconds(0)),
        "workerMaxBatchingWindow must be at least 1 second when workerBatchSize is above 10");
  }

  @Test
  @DisplayName("the age alarm must fire before messages expire")
  void ageAlarmBelowRetention() {
    assertRejected(b -> b.queueRetentionPeriod(Duration.hours(1)).oldestMessageAgeAlarmThreshold(Duration.hours(2)),
        "oldestMessageAgeAlarmThreshold must be shorter than queueRetentionPeriod");
  }

  @Test
  @DisplayName("queue and notifier counts are range-checked")
  void counts() {
    assertRejected(b -> b.maxReceiveCount(0), "maxReceiveCount must be between 1 and 1000 (was 0)");
    assertRejected(b -> b.notifierRetryAttempts(-1), "notifierRetryAttempts");
    assertRejected(b -> b.notifierBatchSize(0), "notifierBatchSize");
    assertRejected(b -> b.balanceProvisionedConcurrency(0), "balanceProvisionedConcurrency");
  }

  @Test
  @DisplayName("API stage name and throttling are checked")
  void api() {
    assertRejected(b -> b.apiStageName("prod-1"), "apiStageName must be 1-128 letters, digits or underscores");
    assertRejected(b -> b.apiThrottlingRateLimit(0), "apiThrottlingRateLimit must be a positive number");
    assertRejected(b -> b.apiThrottlingBurstLimit(0), "apiThrottlingBurstLimit");
    assertRejected(b -> b.apiWebAclArn("arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/abc"),
        "apiWebAclArn must be a regional WAFv2 web ACL ARN");
  }

  @Test
  @DisplayName("renewal window days, lead time and an all-month window are rejected with the reason")
  void renewalWindow() {
    assertRejected(b -> b.renewalWindowStartDay(32), "renewalWindowStartDay must be between 1 and 31 (was 32)");
    assertRejected(b -> b.renewalWindowEndDay(28), "renewalWindowEndDay must be between 1 and 27 (was 28)");
    assertRejected(b -> b.renewalWindowLeadHours(73), "renewalWindowLeadHours must be between 0 and 72");
    assertRejected(b -> b.renewalWindowStartDay(2).renewalWindowLeadHours(25),
        "renewalWindowLeadHours must not reach back into the previous month: at most 24 hours before day 2");
    assertRejected(b -> b.renewalWindowStartDay(10).renewalWindowEndDay(9),
        "renewalWindowStartDay must not be the day after renewalWindowEndDay");
  }

  @Test
  @DisplayName("a window whose release would undo the scale-up in some month is rejected, naming the months")
  void windowReleasedRightAfterScaleUp() {
    // February: up at 22:00 on the 27th, released at 00:00 on the 28th: a cold window until the next month.
    assertRejected(b -> b.renewalWindowStartDay(30).renewalWindowEndDay(27).renewalWindowLeadHours(2),
        "renewalWindowStartDay, renewalWindowEndDay and renewalWindowLeadHours leave the window cold in month(s) [2]");
    // Every month: up on the 8th at 00:00 (48 h before the 10th), released on the 9th.
    assertRejected(b -> b.renewalWindowStartDay(10).renewalWindowEndDay(8).renewalWindowLeadHours(48),
        "leave the window cold in month(s) [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]");
  }

  @Test
  @DisplayName("SMS subscribers must be distinct E.164 numbers")
  void smsSubscribers() {
    assertRejected(b -> b.smsSubscribers(List.of("0555 555 0100")),
        "smsSubscribers entry must be an E.164 phone number like +15555550100 (was 0555 555 0100)");
    assertRejected(b -> b.smsSubscribers(List.of("+15555550100", "+15555550100")),
        "smsSubscribers lists +15555550100 twice");
    assertRejected(b -> b.smsSubscribers(Arrays.asList("+15555550100", null)), "(was null)");
    assertRejected(b -> b.smsSubscribers(null), "smsSubscribers must not be null");
  }

  @Test
  @DisplayName("several bad props are reported together in one exception, each named")
  void allProblemsAtOnce() {
    InvalidRenewalPipelinePropsException e = catchThrowableOfType(InvalidRenewalPipelinePropsException.class,
        () -> RenewalPipelineProps.builder()
            .workerMaxConcurrency(1)
            .maxReceiveCount(0)
            .smsSubscribers(List.of("12345"))
            .workerTimeout(Duration.seconds(100))
            .queueVisibilityTimeout(Duration.seconds(100))
            .build());
    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage())
        .startsWith("RenewalPipelineProps invalid: functionCode is required")
        .contains("; workerMaxConcurrency must be between 2 and 1000 (was 1)")
        .contains("; maxReceiveCount must be between 1 and 1000 (was 0)")
        .contains("; queueVisibilityTimeout must be at least 6 x workerTimeout + workerMaxBatchingWindow = 602 seconds")
        .contains("; smsSubscribers entry must be an E.164 phone number like +15555550100 (was 12345)");
  }

  @Test
  @DisplayName("the construct's Builder validates too, before creating any resource")
  void builderValidates() {
    software.amazon.awscdk.Stack stack = PipelineFixtures.newStack();
    assertThatThrownBy(() -> RenewalPipeline.Builder.create(stack, "Bad").functionCode(code)
        .workerMaxConcurrency(0).build())
        .isInstanceOf(InvalidRenewalPipelinePropsException.class)
        .hasMessageContaining("workerMaxConcurrency");
    assertThat(stack.getNode().tryFindChild("Bad")).isNull();
  }
}
