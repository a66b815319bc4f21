package dev.tally.constructs.slo;

import java.util.List;
import software.amazon.awscdk.Duration;

/** The burn-rate windows an SLO alerts on. */
public final class BurnRatePolicy {

  private BurnRatePolicy() {}

  /**
   * The SRE workbook's recommendation (table 5-8): page on 2 % of the budget in 1 h (confirmed over 5 min) or 5 % in
   * 6 h (30 min); open a ticket on 10 % in 3 days (6 h). With a 30-day period those are burn rates of 14.4×, 6× and 1×.
   */
  public static List<BurnRateWindow> sreWorkbook() {
    return List.of(
        new BurnRateWindow(Duration.hours(1), Duration.minutes(5), 0.02, Severity.PAGE),
        new BurnRateWindow(Duration.hours(6), Duration.minutes(30), 0.05, Severity.PAGE),
        new BurnRateWindow(Duration.days(3), Duration.hours(6), 0.10, Severity.TICKET));
  }
}
