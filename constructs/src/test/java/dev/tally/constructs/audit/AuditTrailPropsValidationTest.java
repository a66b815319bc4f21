package dev.tally.constructs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.LifecycleRule;

@DisplayName("AuditTrailProps: invalid and WORM-breaking props are refused, naming the prop")
class AuditTrailPropsValidationTest {

  private static List<String> problems(AuditTrailProps.Builder builder) {
    return catchThrowableOfType(InvalidAuditTrailPropsException.class, builder::build).problems();
  }

  @Test
  @DisplayName("autoDeleteObjects true is refused")
  void autoDelete() {
    assertThat(problems(AuditTrailProps.builder().autoDeleteObjects(true)))
        .singleElement().asString().startsWith("autoDeleteObjects must be false");
  }

  @Test
  @DisplayName("removalPolicy DESTROY (or SNAPSHOT) is refused")
  void destroy() {
    assertThat(problems(AuditTrailProps.builder().removalPolicy(RemovalPolicy.DESTROY)))
        .singleElement().asString().startsWith("removalPolicy must be RETAIN").contains("DESTROY");
    assertThat(problems(AuditTrailProps.builder().removalPolicy(RemovalPolicy.SNAPSHOT)))
        .singleElement().asString().startsWith("removalPolicy must be RETAIN");
  }

  @Test
  @DisplayName("a lifecycle expiration before the retention ends is refused, naming the rule's index")
  void earlyExpiration() {
    assertThat(problems(AuditTrailProps.builder().retentionDays(400).lifecycleRules(List.of(
        LifecycleRule.builder().expiration(Duration.days(500)).build(),
        LifecycleRule.builder().expiration(Duration.days(30)).build()))))
        .singleElement().asString()
        .startsWith("lifecycleRules[1].expiration (30 days) expires log files before the 400-day retention ends");
  }

  @Test
  @DisplayName("a lifecycle expiration date before today's files leave retention is refused")
  void earlyExpirationDate() {
    assertThat(problems(AuditTrailProps.builder().lifecycleRules(List.of(
        LifecycleRule.builder().expirationDate(Instant.now().plus(10, ChronoUnit.DAYS)).build()))))
        .singleElement().asString().startsWith("lifecycleRules[0].expirationDate");
  }

  @Test
  @DisplayName("years count as 365 days when lifecycle rules are checked")
  void yearsAgainstLifecycle() {
    assertThat(problems(AuditTrailProps.builder().retentionYears(2).lifecycleRules(List.of(
        LifecycleRule.builder().expiration(Duration.days(700)).build()))))
        .singleElement().asString().contains("730-day retention");
    AuditTrailProps.builder().retentionYears(2).lifecycleRules(List.of(
        LifecycleRule.builder().expiration(Duration.days(730)).build())).build();
  }

  @Test
  @DisplayName("retention 0 is refused, in days and in years, and so are both at once")
  void retentionZero() {
    assertThat(problems(AuditTrailProps.builder().retentionDays(0)))
        .singleElement().asString().startsWith("retentionDays must be 1-36500 days (was 0: retention 0 is no lock");
    assertThat(problems(AuditTrailProps.builder().retentionYears(0)))
        .singleElement().asString().startsWith("retentionYears must be 1-100 years (was 0");
    assertThat(problems(AuditTrailProps.builder().retentionDays(30).retentionYears(1)))
        .singleElement().asString().startsWith("retentionDays and retentionYears are both set");
  }

  @Test
  @DisplayName("null lock mode, log retention and data-event lists are refused")
  void nulls() {
    assertThat(problems(AuditTrailProps.builder().lockMode(null).logRetention(null).dataEventBuckets(null)
        .dataEventFunctions(Arrays.asList((software.amazon.awscdk.services.lambda.IFunction) null))))
        .extracting(p -> p.substring(0, p.indexOf(' ')))
        .containsExactly("lockMode", "logRetention", "dataEventBuckets", "dataEventFunctions");
  }

  @Test
  @DisplayName("every problem is reported at once, in prop order")
  void allAtOnce() {
    assertThatThrownBy(() -> AuditTrailProps.builder().retentionDays(0).removalPolicy(RemovalPolicy.DESTROY)
        .autoDeleteObjects(true).build())
        .isInstanceOf(InvalidAuditTrailPropsException.class)
        .hasMessageStartingWith("AuditTrailProps invalid: retentionDays must be")
        .hasMessageContaining("; removalPolicy must be RETAIN")
        .hasMessageContaining("; autoDeleteObjects must be false");
  }

  @Test
  @DisplayName("null props are refused by the construct")
  void nullProps() {
    assertThatThrownBy(() -> new AuditTrail(AuditFixtures.newStack(), "Audit", null))
        .isInstanceOf(InvalidAuditTrailPropsException.class).hasMessageContaining("props are required");
  }
}
