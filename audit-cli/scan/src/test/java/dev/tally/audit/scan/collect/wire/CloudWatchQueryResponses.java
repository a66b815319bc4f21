package dev.tally.audit.scan.collect.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers CloudWatch awsQuery requests ({@code GetMetricData}, {@code GetMetricStatistics}) as CloudWatch does in the
 * 2010-08-01 API that SDK 2.40.x speaks: reads the form-encoded queries, looks their datapoints up in a
 * {@link MetricSource}, and renders the XML response from the {@code wire/cloudwatch/} templates, splitting
 * {@code GetMetricData} results over {@code NextToken} pages of at most {@code resultsPerPage} series.
 */
public final class CloudWatchQueryResponses {
    private final WireBodies bodies;
    private final MetricSource source;
    private final int resultsPerPage;

    public CloudWatchQueryResponses(WireBodies bodies, MetricSource source, int resultsPerPage) {
        this.bodies = bodies;
        this.source = source;
        this.resultsPerPage = resultsPerPage;
    }

    /** One query of a GetMetricData request, as sent. */
    public record SentQuery(String id, String namespace, String metricName, Map<String, String> dimensions,
                            String stat, int period) {
    }

    /** The queries of a GetMetricData form, in member order. */
    public static List<SentQuery> queries(Map<String, String> form) {
        List<SentQuery> queries = new ArrayList<>();
        for (int n = 1; form.containsKey("MetricDataQueries.member." + n + ".Id"); n++) {
            String p = "MetricDataQueries.member." + n + ".";
            Map<String, String> dimensions = new TreeMap<>();
            for (int d = 1; form.containsKey(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"); d++) {
                dimensions.put(form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"),
                        form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Value"));
            }
            queries.add(new SentQuery(form.get(p + "Id"), form.get(p + "MetricStat.Metric.Namespace"),
                    form.get(p + "MetricStat.Metric.MetricName"), dimensions, form.get(p + "MetricStat.Stat"),
                    Integer.parseInt(form.getOrDefault(p + "MetricStat.Period", "60"))));
        }
        return queries;
    }

    public String getMetricData(Map<String, String> form) {
        List<SentQuery> queries = queries(form);
        Instant start = Instant.parse(form.get("StartTime"));
        Instant end = Instant.parse(form.get("EndTime"));
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        int to = Math.min(queries.size(), from + resultsPerPage);
        StringBuilder results = new StringBuilder();
        for (SentQuery query : queries.subList(from, to)) {
            SortedMap<Instant, Double> points = source.points(query.namespace(), query.metricName(),
                    query.dimensions(), query.stat(), start, end, query.period());
            results.append(bodies.render("cloudwatch/metric-data-result.xml", Map.of(
                    "id", query.id(),
                    "label", query.metricName(),
                    "statusCode", "Complete",
                    "timestamps", points.keySet().stream().map(t -> "          <member>" + t + "</member>")
                            .collect(Collectors.joining("\n")),
                    "values", points.values().stream().map(v -> "          <member>" + v + "</member>")
                            .collect(Collectors.joining("\n")))));
        }
        String nextToken = to < queries.size() ? "    <NextToken>" + to + "</NextToken>" : "";
        return bodies.render("cloudwatch/get-metric-data.xml", Map.of(
                "results", results.toString(), "nextToken", nextToken, "requestId", UUID.randomUUID().toString()));
    }

    public String getMetricStatistics(Map<String, String> form) {
        Map<String, String> dimensions = new TreeMap<>();
        for (int d = 1; form.containsKey("Dimensions.member." + d + ".Name"); d++) {
            dimensions.put(form.get("Dimensions.member." + d + ".Name"), form.get("Dimensions.member." + d + ".Value"));
        }
        String statistic = form.get("Statistics.member.1");
        SortedMap<Instant, Double> points = source.points(form.get("Namespace"), form.get("MetricName"), dimensions,
                statistic, Instant.parse(form.get("StartTime")), Instant.parse(form.get("EndTime")),
                Integer.parseInt(form.get("Period")));
        String datapoints = points.entrySet().stream().map(p -> bodies.render("cloudwatch/datapoint.xml", Map.of(
                        "timestamp", p.getKey().toString(), "statistic", statistic, "value", p.getValue().toString(),
                        "unit", "None")))
                .collect(Collectors.joining());
        return bodies.render("cloudwatch/get-metric-statistics.xml", Map.of(
                "datapoints", datapoints, "label", form.get("MetricName"), "requestId", UUID.randomUUID().toString()));
    }
}
