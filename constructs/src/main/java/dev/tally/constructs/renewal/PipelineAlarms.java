package dev.tally.constructs.renewal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The pipeline's alarms: anything in a dead-letter or failure queue, a backlog older than the threshold, and any
 * error or throttle of a function. Missing data is "not breaching": no traffic between renewal windows is normal.
 */
final class PipelineAlarms {

  private static final Duration PERIOD = Duration.minutes(1);

  private final Construct scope;
  private final ITopic alarmTopic;
  private final List<Alarm> alarms = new ArrayList<>();
  private final Map<String, Alarm> errorsAlarms = new HashMap<>();

  PipelineAlarms(Construct scope, ITopic alarmTopic) {
    this.scope = scope;
    this.alarmTopic = alarmTopic;
  }

  void onAnyMessage(String id, IQueue queue, String description) {
    add(id, queue.metricApproximateNumberOfMessagesVisible(maximum()), 0, description);
  }

  void onOldestMessageAge(String id, IQueue queue, Duration threshold) {
    add(id, queue.metricApproximateAgeOfOldestMessage(maximum()), threshold.toSeconds().doubleValue() - 1,
        "Oldest buffered renewal is at least " + threshold.toHumanString() + " old: the worker is not keeping up");
  }

  void onErrorsAndThrottles(String functionId, IFunction function) {
    errorsAlarms.put(functionId, add(functionId + "ErrorsAlarm", function.metricErrors(sum()), 0,
        functionId + " function reported errors"));
    add(functionId + "ThrottlesAlarm", function.metricThrottles(sum()), 0, functionId + " function was throttled");
  }

  /** The errors alarm of a function given to {@link #onErrorsAndThrottles}: its deployments roll back on it. */
  Alarm errorsAlarm(String functionId) {
    return errorsAlarms.get(functionId);
  }

  /** Invocations the warm pool could not take: during the window, {@code balanceProvisionedConcurrency} is too low. */
  void onProvisionedConcurrencySpillover(String id, IFunction alias) {
    add(id, alias.metric("ProvisionedConcurrencySpilloverInvocations", sum()), 0,
        "Balance look-ups spilled over the provisioned concurrency: raise balanceProvisionedConcurrency");
  }

  List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  private Alarm add(String id, IMetric metric, double threshold, String description) {
    Alarm alarm = Alarm.Builder.create(scope, id)
        .metric(metric)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .alarmDescription(description)
        .build();
    if (alarmTopic != null) {
      SnsAction action = new SnsAction(alarmTopic);
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    alarms.add(alarm);
    return alarm;
  }

  private static MetricOptions maximum() {
    return MetricOptions.builder().period(PERIOD).statistic("Maximum").build();
  }

  private static MetricOptions sum() {
    return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
  }
}
