package dev.tally.constructs.operations;

import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.slo.ServiceLevelObjective;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The renewal pipeline's golden signals on one CloudWatch dashboard: traffic, errors, latency and saturation
 * (queue depth and age, drain rate against its configured maximum, dead-letter and failure queues, throttles, the
 * balance alias's warm pool), and each SLO's error budget remaining over its period.
 */
final class RenewalDashboard {

  private static final Duration PERIOD = Duration.minutes(1);

  private RenewalDashboard() {}

  static Dashboard create(Construct scope, String id, String name, RenewalPipeline pipeline,
      List<ServiceLevelObjective> slos) {
    Stage stage = pipeline.getApi().getDeploymentStage();
    List<IFunction> functions = List.of(pipeline.getIngestFunction(), pipeline.getWorkerFunction(),
        pipeline.getNotifierFunction(), pipeline.getBalanceFunction());
    List<IWidget> widgets = new ArrayList<>();
    widgets.add(graph("Requests", List.of(stage.metricCount(stat("Sum")))));
    widgets.add(graph("Errors", concat(
        List.of(stage.metricServerError(stat("Sum")), stage.metricClientError(stat("Sum"))),
        functions.stream().map(f -> (IMetric) f.metricErrors(stat("Sum"))).toList())));
    widgets.add(graph("p99 latency (ms)", List.of(
        stage.metricLatency(stat("p99")), stage.metricIntegrationLatency(stat("p99")))));
    widgets.add(graph("Queue depth and oldest message (s)", List.of(
        pipeline.getQueue().metricApproximateNumberOfMessagesVisible(stat("Maximum")),
        pipeline.getQueue().metricApproximateAgeOfOldestMessage(stat("Maximum")))));
    widgets.add(GraphWidget.Builder.create()
        .title("Drain rate: worker invocations and concurrency")
        .left(List.of(pipeline.getWorkerFunction().metricInvocations(stat("Sum"))))
        .right(List.of(pipeline.getWorkerFunction().metric("ConcurrentExecutions", stat("Maximum"))))
        .rightAnnotations(List.of(HorizontalAnnotation.builder()
            .value(pipeline.getProps().workerMaxConcurrency())
            .label("workerMaxConcurrency")
            .build()))
        .width(12)
        .build());
    widgets.add(graph("Dead-letter and failure queues", List.of(
        pipeline.getDeadLetterQueue().metricApproximateNumberOfMessagesVisible(stat("Maximum")),
        pipeline.getFailureQueue().metricApproximateNumberOfMessagesVisible(stat("Maximum")))));
    widgets.add(graph("Throttles", functions.stream().map(f -> (IMetric) f.metricThrottles(stat("Sum"))).toList()));
    widgets.add(graph("Balance alias: provisioned concurrency", List.of(
        pipeline.getBalanceAlias().metric("ProvisionedConcurrencyUtilization", stat("Maximum")),
        pipeline.getBalanceAlias().metric("ProvisionedConcurrencySpilloverInvocations", stat("Sum")),
        pipeline.getBalanceAlias().metric("ProvisionedConcurrentExecutions", stat("Maximum")))));
    for (ServiceLevelObjective slo : slos) {
      widgets.add(SingleValueWidget.Builder.create()
          .title(slo.getProps().name() + ": error budget remaining (%)")
          .metrics(List.of(slo.errorBudgetRemaining()))
          .setPeriodToTimeRange(true)
          .start("-PT" + slo.getProps().period().toHours().longValue() + "H")
          .width(6)
          .build());
    }
    // Rows of at most 24 columns (two graphs, or four budget tiles), top to bottom.
    List<List<IWidget>> rows = new ArrayList<>();
    List<IWidget> row = new ArrayList<>();
    int width = 0;
    for (IWidget widget : widgets) {
      if (width + widget.getWidth().intValue() > 24) {
        rows.add(row);
        row = new ArrayList<>();
        width = 0;
      }
      row.add(widget);
      width += widget.getWidth().intValue();
    }
    rows.add(row);
    return Dashboard.Builder.create(scope, id)
        .dashboardName(name)
        .widgets(rows)
        .build();
  }

  private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(12).build();
  }

  private static List<IMetric> concat(List<? extends IMetric> a, List<? extends IMetric> b) {
    List<IMetric> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static MetricOptions stat(String statistic) {
    return MetricOptions.builder().period(PERIOD).statistic(statistic).build();
  }
}
