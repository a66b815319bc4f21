package dev.tally.audit.scan.collect.cloudwatch;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CloudWatch metric statistic to fetch, named by the caller's own key (CloudWatch's query ids are restricted to
 * {@code [a-z][a-zA-Z0-9_]*}, so the fetcher assigns those and maps results back to this key).
 *
 * @param key        the caller's name for the series, unique within one fetch (for example {@code i-0abc/cpu})
 * @param namespace  the CloudWatch namespace ({@code AWS/EC2})
 * @param metricName the metric ({@code CPUUtilization})
 * @param dimensions the metric's dimensions, name to value ({@code InstanceId} to {@code i-0abc})
 * @param statistic  {@code Average}, {@code Sum}, {@code Maximum}, ...
 */
public record MetricQuery(String key, String namespace, String metricName, Map<String, String> dimensions,
                          String statistic) {
    public MetricQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(statistic, "statistic");
        dimensions = Map.copyOf(new TreeMap<>(dimensions));
    }
}
