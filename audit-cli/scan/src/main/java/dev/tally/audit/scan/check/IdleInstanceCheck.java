package dev.tally.audit.scan.check;

import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.DailySeries;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.InstanceDay;
import dev.tally.audit.scan.model.InstanceState;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.ScanInventory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code idle-ec2}: running instances that do (almost) nothing, under one of two rules ({@link IdleRule}).
 *
 * <p>Only running instances at least as old as the window are judged (a younger one has too short a history; a
 * stop/start resets the launch time, so this errs on the side of not flagging). A day without CloudWatch datapoints
 * (the instance was stopped) is neither idle nor busy: it is not counted. Instances in an Auto Scaling group or EKS
 * node group are flagged with a different recommendation, since stopping one just makes the group replace it.
 */
public final class IdleInstanceCheck implements Check {
    public static final String ID = "idle-ec2";
    private static final double BYTES_PER_MB = 1_000_000d;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Idle EC2 instance";
    }

    @Override
    public String description() {
        return "With the default thresholds, a running instance is idle when (trusted-advisor rule, the default) "
                + "its daily average CPU is at or below 10% and its daily network in+out at or below 5 MB on at least 4 of the last 14 days, or (cpu-90d "
                + "rule) its average CPU over the last 90 days is below 15%. Days without datapoints are not counted; "
                + "instances younger than the window are skipped.";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.MEDIUM;
    }

    @Override
    public boolean estimatesSavings() {
        return true;
    }

    @Override
    public CollectionScope requirements(CollectionScope scope, AuditPolicy policy) {
        int days = Math.max(scope.instanceMetricDays(), policy.thresholds().idleMetricDays());
        return new CollectionScope(true, days, scope.loadBalancers(), scope.loadBalancerMetricDays(), scope.buckets(),
                scope.taggedResources(), scope.lastDay());
    }

    @Override
    public List<Finding> evaluate(ScanInventory inventory, AuditPolicy policy) {
        Thresholds t = policy.thresholds();
        int windowDays = t.idleMetricDays();
        LocalDate lastDay = inventory.lastDay();
        LocalDate firstDay = lastDay.minusDays(windowDays - 1L);
        List<Finding> findings = new ArrayList<>();
        for (RegionInventory region : inventory.regions()) {
            for (Ec2Instance instance : region.instances()) {
                if (instance.state() != InstanceState.RUNNING
                        || instance.launchTime().isAfter(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant())
                        || instance.metrics().isEmpty()) {
                    continue;
                }
                List<InstanceDay> days = daysIn(instance.metrics().get(), firstDay, lastDay);
                Optional<String> reason = t.idleRule() == IdleRule.TRUSTED_ADVISOR
                        ? trustedAdvisor(days, t)
                        : longCpu(days, t);
                reason.ifPresent(r -> findings.add(finding(instance, r)));
            }
        }
        findings.sort(Comparator.comparing(Finding::accountId).thenComparing(Finding::region)
                .thenComparing(Finding::resourceId));
        return findings;
    }

    private static List<InstanceDay> daysIn(DailySeries<InstanceDay> series, LocalDate firstDay, LocalDate lastDay) {
        return series.days().subMap(firstDay, lastDay.plusDays(1)).values().stream().toList();
    }

    private static Optional<String> trustedAdvisor(List<InstanceDay> days, Thresholds t) {
        long idle = days.stream()
                .filter(d -> d.averageCpuPercent() <= t.idleCpuPercent()
                        && d.networkBytes() <= t.idleNetworkMb() * BYTES_PER_MB)
                .count();
        if (idle < t.idleDays()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "daily CPU <= %s%% and network in+out <= %s MB on %d of the last %d days (%d days with data; "
                        + "highest daily CPU %.1f%%)",
                number(t.idleCpuPercent()), number(t.idleNetworkMb()), idle, t.idleWindowDays(), days.size(),
                days.stream().mapToDouble(InstanceDay::averageCpuPercent).max().orElse(0)));
    }

    private static Optional<String> longCpu(List<InstanceDay> days, Thresholds t) {
        if (days.size() < t.longMinDaysWithData()) {
            return Optional.empty();
        }
        double average = days.stream().mapToDouble(InstanceDay::averageCpuPercent).average().orElse(0);
        if (average >= t.longCpuPercent()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "average CPU %.1f%% < %s%% over the last %d days (%d days with data)",
                average, number(t.longCpuPercent()), t.longWindowDays(), days.size()));
    }

    private Finding finding(Ec2Instance instance, String reason) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("instanceType", instance.instanceType());
        instance.autoScalingGroup().ifPresent(g -> attributes.put("autoScalingGroup", g));
        instance.eksCluster().ifPresent(c -> attributes.put("eksCluster", c));
        instance.platform().ifPresent(p -> attributes.put("platform", p));
        if (instance.spot()) {
            attributes.put("lifecycle", "spot");
        }
        if (!"default".equals(instance.tenancy())) {
            attributes.put("tenancy", instance.tenancy());
        }
        return new Finding(ID, defaultSeverity(), instance.accountId(), instance.region(), instance.arn(),
                instance.instanceId(), "ec2:instance", reason, recommendation(instance),
                new CostBasis.InstanceHours(instance.instanceType(), instance.region(), instance.platform(),
                        instance.spot(), instance.tenancy()),
                attributes);
    }

    private static String recommendation(Ec2Instance instance) {
        if (instance.eksCluster().isPresent()) {
            return "Node of EKS cluster " + instance.eksCluster().get() + ": reduce the node group's size or let the "
                    + "cluster autoscaler/Karpenter consolidate; stopping the node only makes the group replace it.";
        }
        if (instance.autoScalingGroup().isPresent()) {
            return "Member of Auto Scaling group " + instance.autoScalingGroup().get() + ": lower the group's desired/"
                    + "minimum capacity or use a smaller instance type; stopping it only makes the group replace it.";
        }
        return "Stop or terminate it if unused, or downsize it (a smaller or Graviton type).";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
