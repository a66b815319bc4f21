package dev.tally.constructs.slo;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;

/**
 * The alarms of one burn-rate window: the long- and short-window metric-math alarms, and the composite alarm that is
 * in ALARM only when both are. Route the composite (it is what pages or opens a ticket); the two inputs carry no
 * actions, so one incident notifies once.
 *
 * @param window              the rule these alarms implement
 * @param burnRate            its derived burn-rate multiple (e.g. 14.4)
 * @param errorRatioThreshold the error ratio both metric alarms compare against (e.g. 0.0144)
 */
public record BurnRateAlarm(BurnRateWindow window, double burnRate, double errorRatioThreshold, Alarm longWindowAlarm,
    Alarm shortWindowAlarm, CompositeAlarm composite) {

  /** Page or ticket. */
  public Severity severity() {
    return window.severity();
  }
}
