package dev.tally.functions.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one invocation may still spend crediting: a deadline read from an injected clock. The worker stops
 * backing off (and stops starting messages) once the deadline is reached, so it returns its batch item failures
 * itself instead of being killed by the Lambda timeout, which would send the whole batch back to SQS and raise the
 * receive count of messages that had already been credited.
 */
public final class TimeBudget {
  /** Most time kept in reserve for the request in flight and for returning the response. */
  static final Duration MAX_SAFETY_MARGIN = Duration.ofSeconds(2);

  private final Clock clock;
  private final Instant deadline;

  private TimeBudget(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  /**
   * A budget ending at {@code deadline}.
   *
   * @param clock the clock the deadline is read against (inject a fixed one in tests)
   * @param deadline the instant after which no back-off may end and no message may start
   */
  public static TimeBudget until(Clock clock, Instant deadline) {
    return new TimeBudget(clock, deadline);
  }

  /**
   * The budget of a Lambda invocation with {@code remaining} time left: that time minus a safety margin of two
   * seconds, or a tenth of the remaining time if that is shorter (so a short timeout still gets work done).
   *
   * @param clock the clock the deadline is read against
   * @param remaining what {@code Context.getRemainingTimeInMillis()} reported
   */
  public static TimeBudget ofRemaining(Clock clock, Duration remaining) {
    Duration margin = remaining.dividedBy(10);
    if (margin.compareTo(MAX_SAFETY_MARGIN) > 0) {
      margin = MAX_SAFETY_MARGIN;
    }
    return new TimeBudget(clock, clock.instant().plus(remaining).minus(margin));
  }

  /** No deadline: for callers without a Lambda context (local runs, tests of unrelated behaviour). */
  public static TimeBudget unlimited() {
    return new TimeBudget(Clock.systemUTC(), Instant.MAX);
  }

  /** True when waiting {@code wait} from now would still end at or before the deadline. */
  public boolean allows(Duration wait) {
    return Duration.between(clock.instant(), deadline).compareTo(wait) >= 0;
  }

  /** True once the deadline has been reached: no new message should be started. */
  public boolean isExhausted() {
    return !clock.instant().isBefore(deadline);
  }

  /** The deadline, for log lines. */
  public Instant deadline() {
    return deadline;
  }
}
