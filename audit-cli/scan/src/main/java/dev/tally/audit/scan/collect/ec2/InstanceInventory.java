package dev.tally.audit.scan.collect.ec2;

import dev.tally.audit.scan.collect.FailureLog;
import dev.tally.audit.scan.collect.cloudwatch.DailyWindow;
import dev.tally.audit.scan.collect.cloudwatch.MetricDataFetcher;
import dev.tally.audit.scan.collect.cloudwatch.MetricQuery;
import dev.tally.audit.scan.model.DailySeries;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.InstanceDay;
import dev.tally.audit.scan.model.InstanceState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceLifecycleType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * A region's instances in the scan's model: {@link InstanceReader} for the instances, then one batched CloudWatch
 * fetch of daily {@code CPUUtilization} (Average) and {@code NetworkIn}/{@code NetworkOut} (Sum) for all of them.
 * A day without a CPU datapoint is left out (no data is not idle); CloudWatch failing leaves every instance's
 * metrics empty and records the failure.
 */
public final class InstanceInventory {
    static final String NAMESPACE = "AWS/EC2";

    private final InstanceReader reader;
    private final MetricDataFetcher metrics;

    public InstanceInventory(InstanceReader reader, MetricDataFetcher metrics) {
        this.reader = reader;
        this.metrics = metrics;
    }

    /**
     * @param window the days of metrics to fetch, or empty for none
     * @return the instances, or empty when DescribeInstances failed (recorded in {@code failures})
     */
    public Optional<List<Ec2Instance>> collect(String accountId, String region, Optional<DailyWindow> window,
                                               FailureLog failures) {
        Optional<List<Instance>> described = failures.attempt(reader::runningAndStopped);
        if (described.isEmpty()) {
            return Optional.empty();
        }
        List<Instance> instances = described.get();
        Optional<Map<String, SortedMap<java.time.Instant, Double>>> series = window.isEmpty() || instances.isEmpty()
                ? Optional.empty()
                : failures.attempt(() -> metrics.fetch(queries(instances), window.get().start(), window.get().end(),
                        DailyWindow.PERIOD_SECONDS));
        List<Ec2Instance> result = new ArrayList<>(instances.size());
        for (Instance instance : instances) {
            Optional<DailySeries<InstanceDay>> daily = series.map(s -> daily(instance.instanceId(), s, window.get()));
            result.add(toModel(instance, accountId, region, daily));
        }
        return Optional.of(result);
    }

    static List<MetricQuery> queries(List<Instance> instances) {
        List<MetricQuery> queries = new ArrayList<>(instances.size() * 3);
        for (Instance instance : instances) {
            Map<String, String> dimension = Map.of("InstanceId", instance.instanceId());
            queries.add(new MetricQuery(instance.instanceId() + "/cpu", NAMESPACE, "CPUUtilization", dimension,
                    "Average"));
            queries.add(new MetricQuery(instance.instanceId() + "/in", NAMESPACE, "NetworkIn", dimension, "Sum"));
            queries.add(new MetricQuery(instance.instanceId() + "/out", NAMESPACE, "NetworkOut", dimension, "Sum"));
        }
        return queries;
    }

    static DailySeries<InstanceDay> daily(String instanceId, Map<String, SortedMap<java.time.Instant, Double>> series,
                                          DailyWindow window) {
        SortedMap<LocalDate, Double> cpu = window.byDay(series.getOrDefault(instanceId + "/cpu", new TreeMap<>()));
        SortedMap<LocalDate, Double> in = window.byDay(series.getOrDefault(instanceId + "/in", new TreeMap<>()));
        SortedMap<LocalDate, Double> out = window.byDay(series.getOrDefault(instanceId + "/out", new TreeMap<>()));
        SortedMap<LocalDate, InstanceDay> days = new TreeMap<>();
        cpu.forEach((day, average) -> days.put(day, new InstanceDay(Math.max(0, average),
                Math.max(0, in.getOrDefault(day, 0.0) + out.getOrDefault(day, 0.0)))));
        return new DailySeries<>(window.firstDay(), window.lastDay(), days);
    }

    static Ec2Instance toModel(Instance instance, String accountId, String region,
                               Optional<DailySeries<InstanceDay>> metrics) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : instance.tags()) {
            tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return new Ec2Instance(
                instance.instanceId(),
                accountId,
                region,
                instance.instanceTypeAsString(),
                InstanceState.fromAws(instance.state().nameAsString()),
                instance.launchTime(),
                Optional.ofNullable(instance.platformDetails()).filter(p -> !p.isBlank()),
                instance.placement() == null ? "default" : instance.placement().tenancyAsString(),
                instance.instanceLifecycle() == InstanceLifecycleType.SPOT,
                tags,
                metrics);
    }
}
