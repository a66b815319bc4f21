package dev.tally.constructs.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import software.amazon.awscdk.Duration;

/**
 * One multi-window burn-rate rule of the SRE workbook (chapter 5, "Alerting on SLOs"): alert when the share
 * {@code budgetConsumed} of the whole error budget has been spent within {@code longWindow}, and the short window
 * (typically 1/12 of the long one) confirms it is still being spent, so the alert resets soon after the problem stops.
 *
 * <p>The burn-rate threshold is derived, never typed in: spending {@code budgetConsumed} of a budget that lasts
 * {@code period} within {@code longWindow} is a burn rate of {@code budgetConsumed × period / longWindow}. For a
 * 30-day period, 2 % in 1 h is 14.4×, 5 % in 6 h is 6× and 10 % in 3 days is 1×.
 *
 * @param longWindow     how far back the sustained burn is measured; a whole number of minutes, at most 7 days
 * @param shortWindow    the confirmation window; shorter than {@code longWindow}, at most 1 day
 * @param budgetConsumed the share of the period's error budget (0-1, exclusive of 0) that triggers the alert
 * @param severity       page or ticket
 */
public record BurnRateWindow(Duration longWindow, Duration shortWindow, double budgetConsumed, Severity severity) {

  /**
   * The burn-rate multiple this rule alerts at: how many times faster than "exactly on budget" the errors arrive.
   *
   * @param period the SLO period the budget covers
   */
  public double burnRate(Duration period) {
    return exactBurnRate(period).doubleValue();
  }

  /**
   * The error ratio (0-1) the alarms compare against: the burn rate times the error budget {@code 1 - objective}.
   * 99.9 % over 30 days, fast page: 14.4 × 0.001 = 0.0144, i.e. 1.44 % of requests failing.
   *
   * @param objectivePercent the SLO, e.g. 99.9
   */
  public double errorRatioThreshold(double objectivePercent, Duration period) {
    return exactBurnRate(period).multiply(errorBudget(objectivePercent), MathContext.DECIMAL64).doubleValue();
  }

  /**
   * {@code 1 - objective} as a ratio. In decimal, not binary, arithmetic: 100 - 99.9 in doubles is
   * 0.0999999999999943, which would put thresholds like 0.014399999999999182 into the template.
   */
  static BigDecimal errorBudget(double objectivePercent) {
    return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(objectivePercent))
        .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
  }

  private BigDecimal exactBurnRate(Duration period) {
    return BigDecimal.valueOf(budgetConsumed)
        .multiply(BigDecimal.valueOf(period.toSeconds().longValue()))
        .divide(BigDecimal.valueOf(longWindow.toSeconds().longValue()), MathContext.DECIMAL64);
  }

  /** A short label such as {@code 1h/5m}, used in alarm names and descriptions. */
  public String label() {
    return compact(longWindow) + "/" + compact(shortWindow);
  }

  static String compact(Duration d) {
    long minutes = d.toMinutes().longValue();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes + "m";
  }
}
