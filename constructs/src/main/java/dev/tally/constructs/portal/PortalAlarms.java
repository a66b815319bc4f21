package dev.tally.constructs.portal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The portal's alarms, each notifying {@code alarmTopic} (alarm and OK) when one is given. Missing data is "not
 * breaching": the import job runs one day a month.
 */
final class PortalAlarms {

  private final Construct scope;
  private final ITopic alarmTopic;
  private final List<Alarm> alarms = new ArrayList<>();

  PortalAlarms(Construct scope, ITopic alarmTopic) {
    this.scope = scope;
    this.alarmTopic = alarmTopic;
  }

  void above(String id, IMetric metric, double threshold, int periods, String description) {
    add(id, metric, threshold, ComparisonOperator.GREATER_THAN_THRESHOLD, periods, description);
  }

  void below(String id, IMetric metric, double threshold, int periods, String description) {
    add(id, metric, threshold, ComparisonOperator.LESS_THAN_THRESHOLD, periods, description);
  }

  List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  static MetricOptions sum(Duration period) {
    return MetricOptions.builder().period(period).statistic("Sum").build();
  }

  static MetricOptions maximum(Duration period) {
    return MetricOptions.builder().period(period).statistic("Maximum").build();
  }

  static MetricOptions minimum(Duration period) {
    return MetricOptions.builder().period(period).statistic("Minimum").build();
  }

  static MetricOptions average(Duration period) {
    return MetricOptions.builder().period(period).statistic("Average").build();
  }

  private void add(String id, IMetric metric, double threshold, ComparisonOperator operator, int periods,
      String description) {
    Alarm alarm = Alarm.Builder.create(scope, id)
        .metric(metric)
        .threshold(threshold)
        .comparisonOperator(operator)
        .evaluationPeriods(periods)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .alarmDescription(description)
        .build();
    if (alarmTopic != null) {
      SnsAction action = new SnsAction(alarmTopic);
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    alarms.add(alarm);
  }
}
