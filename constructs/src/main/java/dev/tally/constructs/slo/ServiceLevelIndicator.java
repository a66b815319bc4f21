package dev.tally.constructs.slo;

import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.apigateway.IRestApi;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What an SLO measures: the share of "bad" events among all events, as a CloudWatch metric-math expression over a
 * window. Built from the service's own metrics, so there is nothing to instrument:
 *
 * <ul>
 *   <li>{@link #apiAvailability}: API Gateway 5XX responses / requests of a stage;</li>
 *   <li>{@link #apiLatency}: requests slower than a threshold / requests of a stage (API Gateway {@code Latency},
 *       trimmed count {@code TC(:threshold)} = requests at or under it);</li>
 *   <li>{@link #functionAvailability}: Lambda {@code Errors} / {@code Invocations} of a function or alias;</li>
 *   <li>{@link #queueDelivery}: messages arriving in a dead-letter queue / messages sent to its source queue.</li>
 * </ul>
 */
public final class ServiceLevelIndicator {

  private final String description;
  private final String ratioExpression;
  private final Function<MetricOptions, Map<String, IMetric>> metrics;

  private ServiceLevelIndicator(String description, String ratioExpression,
      Function<MetricOptions, Map<String, IMetric>> metrics) {
    this.description = description;
    this.ratioExpression = ratioExpression;
    this.metrics = metrics;
  }

  /**
   * Availability of an API stage: 5XX responses (the service's fault; 4XX are the caller's) over all requests.
   *
   * <p>The stage is named by its literal name, not by the {@code Stage} resource: an alarm that referenced the stage
   * would make anything the API invokes depend on it, and a CodeDeploy alias rolling back on this SLO would then
   * close a dependency cycle (alias → deployment group → alarm → stage → deployment → method → alias).
   *
   * @param stageName the stage's name as written in the app, e.g. {@code v1} (not a token)
   */
  public static ServiceLevelIndicator apiAvailability(IRestApi api, String stageName) {
    Map<String, String> stage = stageDimensions(api, stageName);
    return new ServiceLevelIndicator("API 5XX responses / requests",
        "IF(total > 0, FILL(bad, 0) / total, 0)",
        options -> Map.of(
            "bad", apiMetric("5XXError", stage, sum(options)),
            "total", apiMetric("Count", stage, sum(options))));
  }

  /**
   * Latency of an API stage: the share of requests slower than {@code threshold}, end to end as API Gateway measures
   * it ({@code Latency}). {@code TC(:t)} counts the requests at or under t milliseconds.
   *
   * @param stageName the stage's literal name (see {@link #apiAvailability})
   * @param threshold whole milliseconds, at most API Gateway's 29 s integration limit
   */
  public static ServiceLevelIndicator apiLatency(IRestApi api, String stageName, Duration threshold) {
    Map<String, String> stage = stageDimensions(api, stageName);
    long millis = threshold.toMilliseconds().longValue();
    return new ServiceLevelIndicator("API requests slower than " + millis + " ms / requests",
        "IF(total > 0, 1 - FILL(fast, 0) / total, 0)",
        options -> Map.of(
            "fast", apiMetric("Latency", stage, with(options, "TC(:" + millis + ")")),
            "total", apiMetric("Latency", stage, with(options, "SampleCount"))));
  }

  private static Map<String, String> stageDimensions(IRestApi api, String stageName) {
    if (api == null || stageName == null || Token.isUnresolved(stageName) || Token.isUnresolved(api.getRestApiName())) {
      throw new IllegalArgumentException("An API indicator needs the API and its stage by literal name (e.g. \"v1\"),"
          + " not a token such as stage.getStageName(): a reference to the stage resource would put every alarm on"
          + " it inside the API's dependency graph (was " + stageName + ")");
    }
    return Map.of("ApiName", api.getRestApiName(), "Stage", stageName);
  }

  private static Metric apiMetric(String name, Map<String, String> dimensions, MetricOptions options) {
    return Metric.Builder.create()
        .namespace("AWS/ApiGateway")
        .metricName(name)
        .dimensionsMap(dimensions)
        .statistic(options.getStatistic())
        .period(options.getPeriod())
        .build();
  }

  /** Availability of a function (pass an alias to measure what its callers get): errors over invocations. */
  public static ServiceLevelIndicator functionAvailability(IFunction function) {
    return new ServiceLevelIndicator("Lambda errors / invocations",
        "IF(total > 0, FILL(bad, 0) / total, 0)",
        options -> Map.of(
            "bad", function.metricErrors(sum(options)),
            "total", function.metricInvocations(sum(options))));
  }

  /**
   * Delivery through a queue: messages that ended in its dead-letter queue over messages sent to it. SQS does not
   * count messages it moves to a DLQ in the DLQ's {@code NumberOfMessagesSent}, so arrivals are the rise of the DLQ's
   * depth within the window (maximum minus minimum). An operator redriving the DLQ inside a window also moves its
   * depth: expect a ticket-level blip while redriving.
   */
  public static ServiceLevelIndicator queueDelivery(IQueue queue, IQueue deadLetterQueue) {
    return new ServiceLevelIndicator("dead-lettered messages / messages sent",
        "IF(sent > 0, (FILL(dlqMax, 0) - FILL(dlqMin, 0)) / sent, 0)",
        options -> Map.of(
            "dlqMax", deadLetterQueue.metricApproximateNumberOfMessagesVisible(with(options, "Maximum")),
            "dlqMin", deadLetterQueue.metricApproximateNumberOfMessagesVisible(with(options, "Minimum")),
            "sent", queue.metricNumberOfMessagesSent(sum(options))));
  }

  /** What is counted as bad, e.g. {@code API 5XX responses / requests}. */
  public String description() {
    return description;
  }

  /** The metric-math expression of the bad-event ratio, in terms of {@link #errorRatio}'s metric ids. */
  public String ratioExpression() {
    return ratioExpression;
  }

  /** The bad-event ratio (0-1) over {@code window}: one datapoint per window. */
  public MathExpression errorRatio(Duration window, String label) {
    MetricOptions options = MetricOptions.builder().period(window).build();
    return MathExpression.Builder.create()
        .expression(ratioExpression)
        .usingMetrics(metrics.apply(options))
        .period(window)
        .label(label)
        .build();
  }

  private static MetricOptions sum(MetricOptions options) {
    return with(options, "Sum");
  }

  private static MetricOptions with(MetricOptions options, String statistic) {
    return MetricOptions.builder().period(options.getPeriod()).statistic(statistic).build();
  }
}
