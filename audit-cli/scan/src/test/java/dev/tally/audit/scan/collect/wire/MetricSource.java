package dev.tally.audit.scan.collect.wire;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/** What a simulated CloudWatch holds: the datapoints of one metric statistic in a time range. */
@FunctionalInterface
public interface MetricSource {
    /**
     * @return datapoints by timestamp (empty when the metric has none: CloudWatch then answers with no values)
     */
    SortedMap<Instant, Double> points(String namespace, String metricName, Map<String, String> dimensions,
                                      String statistic, Instant start, Instant end, int periodSeconds);
}
