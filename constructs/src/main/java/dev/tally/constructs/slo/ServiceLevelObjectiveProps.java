package dev.tally.constructs.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;

/**
 * Immutable configuration of a {@link ServiceLevelObjective}: what is measured, the objective and the period it
 * holds over, and the burn-rate windows that alert. {@link Builder#build()} reports every invalid prop at once.
 */
public final class ServiceLevelObjectiveProps {

  /** Longest window a CloudWatch alarm can evaluate (period × evaluation periods ≤ 7 days). */
  static final long MAX_LONG_WINDOW_S = 7 * 24 * 3600;
  /** Alarms with a period under one hour may evaluate at most one day. */
  static final long MAX_SHORT_WINDOW_S = 24 * 3600;
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9]{0,63}$");

  private final String name;
  private final ServiceLevelIndicator indicator;
  private final double objectivePercent;
  private final Duration period;
  private final List<BurnRateWindow> windows;

  private ServiceLevelObjectiveProps(Builder b) {
    name = b.name;
    indicator = b.indicator;
    objectivePercent = b.objectivePercent;
    period = b.period;
    windows = b.windows == null ? null : List.copyOf(b.windows);
  }

  /** A builder: {@code period} defaults to 30 days and {@code windows} to {@link BurnRatePolicy#sreWorkbook()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Required. Letters and digits, starting with a letter, e.g. {@code ApiAvailability}: names the alarms. */
  public String name() { return name; }

  /** Required. What counts as a bad event, and out of how many. */
  public ServiceLevelIndicator indicator() { return indicator; }

  /** Required. The share of good events promised, in percent, above 0 and below 100 (e.g. 99.9). */
  public double objectivePercent() { return objectivePercent; }

  /** The period the objective holds over and the error budget covers. Default 30 days; 1 to 90 days. */
  public Duration period() { return period; }

  /** The alerting windows. Default the SRE workbook's (1 h/5 min and 6 h/30 min page, 3 d/6 h ticket). */
  public List<BurnRateWindow> windows() { return windows; }

  /** The error budget as a ratio: {@code 1 - objective}, e.g. 0.001 for 99.9 %. */
  public double errorBudget() {
    return BurnRateWindow.errorBudget(objectivePercent).doubleValue();
  }

  /** Builds {@link ServiceLevelObjectiveProps}. */
  public static final class Builder {
    private String name;
    private ServiceLevelIndicator indicator;
    private double objectivePercent = Double.NaN;
    private Duration period = Duration.days(30);
    private List<BurnRateWindow> windows = BurnRatePolicy.sreWorkbook();

    private Builder() {}

    /** @see ServiceLevelObjectiveProps#name() */
    public Builder name(String v) { name = v; return this; }
    /** @see ServiceLevelObjectiveProps#indicator() */
    public Builder indicator(ServiceLevelIndicator v) { indicator = v; return this; }
    /** @see ServiceLevelObjectiveProps#objectivePercent() */
    public Builder objectivePercent(double v) { objectivePercent = v; return this; }
    /** @see ServiceLevelObjectiveProps#period() */
    public Builder period(Duration v) { period = v; return this; }
    /** @see ServiceLevelObjectiveProps#windows() */
    public Builder windows(List<BurnRateWindow> v) { windows = v == null ? null : new ArrayList<>(v); return this; }

    /**
     * Validates and builds.
     *
     * @throws InvalidServiceLevelObjectiveException naming every invalid prop
     */
    public ServiceLevelObjectiveProps build() {
      ServiceLevelObjectiveProps props = new ServiceLevelObjectiveProps(this);
      List<String> problems = check(props);
      if (!problems.isEmpty()) {
        throw new InvalidServiceLevelObjectiveException(problems);
      }
      return props;
    }
  }

  private static List<String> check(ServiceLevelObjectiveProps p) {
    List<String> problems = new ArrayList<>();
    if (p.name == null || !NAME.matcher(p.name).matches()) {
      problems.add("name must be 1-64 letters or digits starting with a letter, e.g. ApiAvailability (was "
          + p.name + ")");
    }
    if (p.indicator == null) {
      problems.add("indicator is required (e.g. ServiceLevelIndicator.apiAvailability(api, \"v1\"))");
    }
    boolean objectiveValid = p.objectivePercent > 0 && p.objectivePercent < 100;
    if (!objectiveValid) {
      problems.add("objectivePercent must be above 0 and below 100, e.g. 99.9 (was " + p.objectivePercent + ")");
    }
    boolean periodValid = p.period != null && p.period.toSeconds().longValue() >= 24 * 3600
        && p.period.toSeconds().longValue() <= 90L * 24 * 3600 && p.period.toSeconds().longValue() % 60 == 0;
    if (!periodValid) {
      problems.add("period must be whole minutes between 1 and 90 days, e.g. Duration.days(30) (was "
          + (p.period == null ? null : p.period.toHumanString()) + ")");
    }
    if (p.windows == null || p.windows.isEmpty()) {
      problems.add("windows must hold at least one burn-rate window (default BurnRatePolicy.sreWorkbook())");
      return problems;
    }
    for (BurnRateWindow w : p.windows) {
      checkWindow(w, objectiveValid && periodValid ? p : null, problems);
    }
    return problems;
  }

  private static void checkWindow(BurnRateWindow w, ServiceLevelObjectiveProps valid, List<String> problems) {
    if (w == null || w.longWindow() == null || w.shortWindow() == null || w.severity() == null) {
      problems.add("windows entries need a long window, a short window and a severity (was " + w + ")");
      return;
    }
    long longS = w.longWindow().toSeconds().longValue();
    long shortS = w.shortWindow().toSeconds().longValue();
    String label = "window " + w.longWindow().toHumanString() + "/" + w.shortWindow().toHumanString();
    if (longS < 60 || longS % 60 != 0 || longS > MAX_LONG_WINDOW_S) {
      problems.add(label + ": the long window must be whole minutes, at most 7 days (a CloudWatch alarm evaluates"
          + " no further back)");
    }
    if (shortS < 60 || shortS % 60 != 0 || shortS > MAX_SHORT_WINDOW_S || shortS >= longS) {
      problems.add(label + ": the short window must be whole minutes, shorter than the long window and at most 1 day");
    }
    if (!(w.budgetConsumed() > 0 && w.budgetConsumed() <= 1)) {
      problems.add(label + ": budgetConsumed must be above 0 and at most 1 (was " + w.budgetConsumed() + ")");
      return;
    }
    if (valid != null) {
      if (longS > valid.period.toSeconds().longValue()) {
        problems.add(label + ": the long window must not exceed the period (" + valid.period.toHumanString() + ")");
      }
      double threshold = w.errorRatioThreshold(valid.objectivePercent, valid.period);
      if (threshold >= 1) {
        problems.add(label + ": spending " + w.budgetConsumed() + " of the budget in " + w.longWindow().toHumanString()
            + " means an error ratio of " + threshold + ", which can never be reached: use a longer window or a"
            + " smaller budgetConsumed");
      }
    }
  }
}
