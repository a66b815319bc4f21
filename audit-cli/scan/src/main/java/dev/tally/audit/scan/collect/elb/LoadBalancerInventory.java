package dev.tally.audit.scan.collect.elb;

import dev.tally.audit.scan.collect.BoundedParallel;
import dev.tally.audit.scan.collect.FailureLog;
import dev.tally.audit.scan.collect.cloudwatch.DailyWindow;
import dev.tally.audit.scan.collect.cloudwatch.MetricDataFetcher;
import dev.tally.audit.scan.collect.cloudwatch.MetricQuery;
import dev.tally.audit.scan.model.DailySeries;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.LoadBalancerType;
import dev.tally.audit.scan.model.TargetGroup;
import dev.tally.audit.scan.model.TargetHealthCount;
import dev.tally.audit.scan.model.TrafficDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.elasticloadbalancing.model.InstanceState;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * A region's load balancers of all four types and its target groups, in the scan's model, with daily traffic from
 * one batched CloudWatch fetch (requests or new flows, and processed bytes, statistic Sum).
 *
 * <p>ELB v2 and Classic are separate APIs and fail separately; listeners, target health and tags are per-resource
 * calls run a few at a time. A failed per-resource call drops that part (recorded), not the load balancer.
 */
public final class LoadBalancerInventory {
    private final LoadBalancerV2Reader v2;
    private final ClassicLoadBalancerReader classic;
    private final MetricDataFetcher metrics;
    private final BoundedParallel parallel;

    public LoadBalancerInventory(LoadBalancerV2Reader v2, ClassicLoadBalancerReader classic, MetricDataFetcher metrics,
                                 BoundedParallel parallel) {
        this.v2 = v2;
        this.classic = classic;
        this.metrics = metrics;
        this.parallel = parallel;
    }

    /** What was collected: load balancers and target groups, each list possibly partial (see the failures). */
    public record Result(List<LoadBalancer> loadBalancers, List<TargetGroup> targetGroups) {
    }

    public Result collect(String accountId, String region, Optional<DailyWindow> window, FailureLog failures) {
        List<LoadBalancer> loadBalancers = new ArrayList<>();
        List<TargetGroup> targetGroups = new ArrayList<>();
        failures.attempt(v2::loadBalancers).ifPresent(described -> {
            List<TargetGroup> groups = parallel.map(failures.attempt(v2::targetGroups).orElse(List.of()),
                    group -> toModel(group, failures));
            targetGroups.addAll(groups);
            List<String> arns = described.stream()
                    .map(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer::loadBalancerArn)
                    .toList();
            Map<String, Map<String, String>> tags = failures.attempt(() -> v2.tags(arns)).orElse(Map.of());
            List<Integer> listenerCounts = parallel.map(described, lb ->
                    failures.attempt(() -> v2.listeners(lb.loadBalancerArn()).size()).orElse(0));
            for (int i = 0; i < described.size(); i++) {
                var lb = described.get(i);
                List<String> attached = groups.stream()
                        .filter(group -> group.loadBalancerArns().contains(lb.loadBalancerArn()))
                        .map(TargetGroup::arn)
                        .toList();
                loadBalancers.add(new LoadBalancer(lb.loadBalancerArn(), lb.loadBalancerName(),
                        LoadBalancerType.fromAws(lb.typeAsString()), accountId, region, lb.createdTime(),
                        listenerCounts.get(i), attached, Optional.empty(),
                        tags.getOrDefault(lb.loadBalancerArn(), Map.of()), Optional.empty()));
            }
        });
        failures.attempt(classic::loadBalancers).ifPresent(described -> {
            List<String> names = described.stream().map(LoadBalancerDescription::loadBalancerName).toList();
            Map<String, Map<String, String>> tags = failures.attempt(() -> classic.tags(names)).orElse(Map.of());
            List<Optional<TargetHealthCount>> health = parallel.map(described, lb ->
                    failures.attempt(() -> classicHealth(classic.instanceHealth(lb.loadBalancerName()))));
            for (int i = 0; i < described.size(); i++) {
                LoadBalancerDescription lb = described.get(i);
                loadBalancers.add(new LoadBalancer(
                        LoadBalancer.classicArn(region, accountId, lb.loadBalancerName()), lb.loadBalancerName(),
                        LoadBalancerType.CLASSIC, accountId, region, lb.createdTime(),
                        lb.listenerDescriptions().size(), List.of(), health.get(i),
                        tags.getOrDefault(lb.loadBalancerName(), Map.of()), Optional.empty()));
            }
        });
        return new Result(withTraffic(loadBalancers, window, failures), targetGroups);
    }

    private TargetGroup toModel(software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup group,
                                FailureLog failures) {
        TargetHealthCount count = failures.attempt(() -> v2Health(v2.targetHealth(group.targetGroupArn())))
                .orElse(new TargetHealthCount(0, 0));
        return new TargetGroup(group.targetGroupArn(), group.targetGroupName(), group.loadBalancerArns(), count);
    }

    /** Deregistered targets still listed while they drain out are not counted as registered. */
    static TargetHealthCount v2Health(List<TargetHealthDescription> descriptions) {
        int registered = 0;
        int healthy = 0;
        for (TargetHealthDescription description : descriptions) {
            String state = description.targetHealth() == null ? "" : description.targetHealth().stateAsString();
            String reason = description.targetHealth() == null ? "" : description.targetHealth().reasonAsString();
            if ("Target.NotRegistered".equals(reason) || "draining".equals(state)) {
                continue;
            }
            registered++;
            if ("healthy".equals(state)) {
                healthy++;
            }
        }
        return new TargetHealthCount(registered, healthy);
    }

    static TargetHealthCount classicHealth(List<InstanceState> states) {
        int healthy = (int) states.stream().filter(s -> "InService".equals(s.state())).count();
        return new TargetHealthCount(states.size(), healthy);
    }

    private List<LoadBalancer> withTraffic(List<LoadBalancer> loadBalancers, Optional<DailyWindow> window,
                                           FailureLog failures) {
        if (window.isEmpty() || loadBalancers.isEmpty()) {
            return loadBalancers;
        }
        List<MetricQuery> queries = new ArrayList<>();
        loadBalancers.forEach(lb -> queries.addAll(queries(lb)));
        Optional<Map<String, SortedMap<Instant, Double>>> series = failures.attempt(() ->
                metrics.fetch(queries, window.get().start(), window.get().end(), DailyWindow.PERIOD_SECONDS));
        if (series.isEmpty()) {
            return loadBalancers;
        }
        return loadBalancers.stream().map(lb -> new LoadBalancer(lb.arn(), lb.name(), lb.type(), lb.accountId(),
                        lb.region(), lb.createdTime(), lb.listenerCount(), lb.targetGroupArns(),
                        lb.registeredInstances(), lb.tags(), Optional.of(daily(lb.arn(), series.get(), window.get()))))
                .toList();
    }

    /** Requests (ALB, Classic) or new flows (NLB, GWLB), and processed bytes, per load balancer type. */
    static List<MetricQuery> queries(LoadBalancer lb) {
        String arn = lb.arn();
        return switch (lb.type()) {
            case APPLICATION -> pair(arn, "AWS/ApplicationELB", "RequestCount", "ProcessedBytes",
                    Map.of("LoadBalancer", dimension(arn)));
            case NETWORK -> pair(arn, "AWS/NetworkELB", "NewFlowCount", "ProcessedBytes",
                    Map.of("LoadBalancer", dimension(arn)));
            case GATEWAY -> pair(arn, "AWS/GatewayELB", "NewFlowCount", "ProcessedBytes",
                    Map.of("LoadBalancer", dimension(arn)));
            case CLASSIC -> pair(arn, "AWS/ELB", "RequestCount", "EstimatedProcessedBytes",
                    Map.of("LoadBalancerName", lb.name()));
        };
    }

    private static List<MetricQuery> pair(String arn, String namespace, String requests, String bytes,
                                          Map<String, String> dimensions) {
        return List.of(new MetricQuery(arn + "/requests", namespace, requests, dimensions, "Sum"),
                new MetricQuery(arn + "/bytes", namespace, bytes, dimensions, "Sum"));
    }

    /** CloudWatch's {@code LoadBalancer} dimension: the ARN after {@code loadbalancer/} ({@code app/name/id}). */
    static String dimension(String arn) {
        int at = arn.indexOf(":loadbalancer/");
        return at < 0 ? arn : arn.substring(at + ":loadbalancer/".length());
    }

    static DailySeries<TrafficDay> daily(String arn, Map<String, SortedMap<Instant, Double>> series,
                                         DailyWindow window) {
        SortedMap<LocalDate, Double> requests = window.byDay(series.getOrDefault(arn + "/requests", new TreeMap<>()));
        SortedMap<LocalDate, Double> bytes = window.byDay(series.getOrDefault(arn + "/bytes", new TreeMap<>()));
        SortedMap<LocalDate, TrafficDay> days = new TreeMap<>();
        TreeSet<LocalDate> withData = new TreeSet<>(requests.keySet());
        withData.addAll(bytes.keySet());
        for (LocalDate day : withData) {
            days.put(day, new TrafficDay(Math.max(0, requests.getOrDefault(day, 0.0)),
                    Math.max(0, bytes.getOrDefault(day, 0.0))));
        }
        return new DailySeries<>(window.firstDay(), window.lastDay(), days);
    }
}
