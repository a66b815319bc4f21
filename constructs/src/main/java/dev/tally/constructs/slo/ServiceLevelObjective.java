package dev.tally.constructs.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * A service level objective with the multi-window, multi-burn-rate alerts of the SRE workbook. For each
 * {@link BurnRateWindow} it creates two CloudWatch metric-math alarms on the indicator's error ratio (one over the long
 * window, one over the short) with the threshold derived from the objective and the period, and a composite alarm
 * AND-ing them: the long window proves the burn is significant, the short one that it is still going on.
 *
 * <pre>
 * ServiceLevelObjective availability = new ServiceLevelObjective(this, "ApiAvailability",
 *     ServiceLevelObjectiveProps.builder()
 *         .name("ApiAvailability")
 *         .indicator(ServiceLevelIndicator.apiAvailability(api, "v1"))
 *         .objectivePercent(99.9)            // over the default 30 days: a 0.1 % error budget
 *         .build());
 * availability.getPageAlarms();              // 14.4x over 1 h and 5 min, 6x over 6 h and 30 min
 * availability.getTicketAlarms();            // 1x over 3 days and 6 h
 * </pre>
 *
 * <p>No data is "not breaching": between renewal windows there may be no traffic at all, and no traffic spends no
 * budget. The construct creates no actions; route {@link #getPageAlarms()} and {@link #getTicketAlarms()}.
 */
public final class ServiceLevelObjective extends Construct {

  private final ServiceLevelObjectiveProps props;
  private final List<BurnRateAlarm> burnRateAlarms = new ArrayList<>();

  /** Creates the SLO's alarms. */
  public ServiceLevelObjective(Construct scope, String id, ServiceLevelObjectiveProps props) {
    super(scope, id);
    if (props == null) {
      throw new InvalidServiceLevelObjectiveException(List.of("props are required (ServiceLevelObjectiveProps.builder())"));
    }
    this.props = props;
    for (BurnRateWindow window : props.windows()) {
      burnRateAlarms.add(createAlarms(window));
    }
  }

  private BurnRateAlarm createAlarms(BurnRateWindow window) {
    double burnRate = window.burnRate(props.period());
    double threshold = window.errorRatioThreshold(props.objectivePercent(), props.period());
    String id = "Burn" + window.label().replace("/", "");
    String what = props.name() + " SLO (" + objective() + " over " + props.period().toHumanString() + ", "
        + props.indicator().description() + "): " + format(burnRate) + "x burn rate";
    Alarm longAlarm = windowAlarm(id + "Long", window.longWindow(), threshold,
        what + ", error ratio above " + percent(threshold) + " over the last " + window.longWindow().toHumanString());
    Alarm shortAlarm = windowAlarm(id + "Short", window.shortWindow(), threshold,
        what + ", error ratio above " + percent(threshold) + " over the last " + window.shortWindow().toHumanString());
    CompositeAlarm composite = CompositeAlarm.Builder.create(this, id)
        .alarmRule(AlarmRule.allOf(
            AlarmRule.fromAlarm(longAlarm, AlarmState.ALARM),
            AlarmRule.fromAlarm(shortAlarm, AlarmState.ALARM)))
        .alarmDescription(window.severity() + ": " + what + " over " + window.label() + ": "
            + percent(window.budgetConsumed()) + " of the " + props.period().toHumanString()
            + " error budget spent in " + window.longWindow().toHumanString() + " and still burning")
        .build();
    return new BurnRateAlarm(window, burnRate, threshold, longAlarm, shortAlarm, composite);
  }

  private Alarm windowAlarm(String id, Duration window, double threshold, String description) {
    MathExpression ratio = props.indicator().errorRatio(window, props.name() + " error ratio (" 
        + BurnRateWindow.compact(window) + ")");
    return Alarm.Builder.create(this, id)
        .metric(ratio)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .alarmDescription(description)
        .build();
  }

  /**
   * The share of the period's error budget still unspent, in percent (100 = untouched, 0 = spent, negative =
   * overspent): {@code 100 × (1 - error ratio over the period / error budget)}. For dashboards: a single datapoint per
   * period, so give the widget the period as its time range.
   */
  public MathExpression errorBudgetRemaining() {
    return MathExpression.Builder.create()
        // Plain decimal: metric math does not read 5.0E-4.
        .expression("100 * (1 - ratio / " + BurnRateWindow.errorBudget(props.objectivePercent()).toPlainString() + ")")
        .usingMetrics(java.util.Map.of("ratio", props.indicator().errorRatio(props.period(), props.name() + " ratio")))
        .period(props.period())
        .label(props.name() + " error budget remaining (%)")
        .build();
  }

  /** The props this SLO was built with. */
  public ServiceLevelObjectiveProps getProps() { return props; }

  /** Every window's alarms, in the order of {@link ServiceLevelObjectiveProps#windows()}. */
  public List<BurnRateAlarm> getBurnRateAlarms() { return List.copyOf(burnRateAlarms); }

  /** The composite alarms that page. */
  public List<IAlarm> getPageAlarms() { return composites(Severity.PAGE); }

  /** The composite alarms that open a ticket. */
  public List<IAlarm> getTicketAlarms() { return composites(Severity.TICKET); }

  private List<IAlarm> composites(Severity severity) {
    return burnRateAlarms.stream().filter(a -> a.severity() == severity).map(a -> (IAlarm) a.composite()).toList();
  }

  private String objective() {
    return format(props.objectivePercent()) + " %";
  }

  private static String percent(double ratio) {
    return format(ratio * 100) + " %";
  }

  /** Up to four decimals, no trailing zeros: 14.4, 1.44, 99.9. */
  static String format(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
