package dev.tally.audit.scan.check;

import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.LoadBalancerType;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.ScanInventory;
import dev.tally.audit.scan.model.TargetGroup;
import dev.tally.audit.scan.model.TrafficDay;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code orphaned-lb}: load balancers (application, network, gateway, classic) that are paid for but serve nothing.
 *
 * <p>A load balancer is orphaned when it has no listeners, or no target groups (Classic: no registered instances),
 * or its target groups have no registered targets, or none of its targets is healthy, or it handled fewer than the
 * minimum requests (ALB, Classic) / new flows (NLB, GWLB) on every one of the last N days. CloudWatch publishes no ELB
 * datapoint for a period without traffic, so a day without datapoints counts as zero. A target group shared by
 * several load balancers counts, with its targets and their health, for each of them; one load balancer attached to
 * a target group through several listeners counts it once. Load balancers younger than the traffic window are
 * skipped (probably still being deployed). An ALB whose listeners only redirect or answer fixed responses has no
 * target group but does its job: with traffic above the minimum it is not flagged.
 */
public final class OrphanedLoadBalancerCheck implements Check {
    public static final String ID = "orphaned-lb";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Orphaned load balancer";
    }

    @Override
    public String description() {
        return "A load balancer with no listeners, no target groups (Classic: no instances), no registered or no "
                + "healthy targets, or (default thresholds) fewer than 100 requests (NLB/GWLB: new flows) on each of the last 7 days "
                + "(no datapoints = zero). Shared target groups count for every load balancer they serve.";
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
        int days = Math.max(scope.loadBalancerMetricDays(), policy.thresholds().lbLowTrafficDays());
        return new CollectionScope(scope.instances(), scope.instanceMetricDays(), true, days, scope.buckets(),
                scope.taggedResources(), scope.lastDay());
    }

    @Override
    public List<Finding> evaluate(ScanInventory inventory, AuditPolicy policy) {
        Thresholds t = policy.thresholds();
        LocalDate lastDay = inventory.lastDay();
        LocalDate firstDay = lastDay.minusDays(t.lbLowTrafficDays() - 1L);
        List<Finding> findings = new ArrayList<>();
        for (RegionInventory region : inventory.regions()) {
            Map<String, TargetGroup> groupsByArn = new LinkedHashMap<>();
            region.targetGroups().forEach(g -> groupsByArn.put(g.arn(), g));
            for (LoadBalancer lb : region.loadBalancers()) {
                if (lb.createdTime().isAfter(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                    continue;
                }
                List<String> reasons = reasons(lb, targetGroupsOf(lb, region, groupsByArn), t, firstDay, lastDay);
                if (!reasons.isEmpty()) {
                    findings.add(finding(lb, String.join("; ", reasons)));
                }
            }
        }
        findings.sort(Comparator.comparing(Finding::accountId).thenComparing(Finding::region)
                .thenComparing(Finding::resourceId));
        return findings;
    }

    /** The load balancer's distinct target groups, whichever side (LB or target group) recorded the attachment. */
    private static List<TargetGroup> targetGroupsOf(LoadBalancer lb, RegionInventory region,
                                                    Map<String, TargetGroup> groupsByArn) {
        Set<String> arns = new LinkedHashSet<>(lb.targetGroupArns());
        region.targetGroups().stream().filter(g -> g.loadBalancerArns().contains(lb.arn())).forEach(g -> arns.add(g.arn()));
        return arns.stream().map(groupsByArn::get).filter(g -> g != null).toList();
    }

    private static List<String> reasons(LoadBalancer lb, List<TargetGroup> groups, Thresholds t, LocalDate firstDay,
                                        LocalDate lastDay) {
        List<String> reasons = new ArrayList<>();
        Optional<String> lowTraffic = lowTraffic(lb, t, firstDay, lastDay);
        if (lb.listenerCount() == 0) {
            reasons.add("no listeners: it cannot receive traffic");
        }
        if (lb.type() == LoadBalancerType.CLASSIC) {
            int registered = lb.registeredInstances().map(c -> c.registered()).orElse(0);
            int healthy = lb.registeredInstances().map(c -> c.healthy()).orElse(0);
            if (registered == 0) {
                reasons.add("no registered instances");
            } else if (healthy == 0) {
                reasons.add("none of its " + registered + " registered instances is InService");
            }
        } else if (groups.isEmpty()) {
            // Redirect/fixed-response ALBs have no target group by design; only their traffic says if they are used.
            if (lb.type() != LoadBalancerType.APPLICATION || lowTraffic.isPresent() || lb.traffic().isEmpty()) {
                reasons.add("no target groups");
            }
        } else {
            int registered = groups.stream().mapToInt(g -> g.targets().registered()).sum();
            int healthy = groups.stream().mapToInt(g -> g.targets().healthy()).sum();
            if (registered == 0) {
                reasons.add("its " + plural(groups.size(), "target group") + " " + (groups.size() == 1 ? "has" : "have")
                        + " no registered targets");
            } else if (healthy == 0) {
                reasons.add("none of the " + registered + " registered targets in its "
                        + plural(groups.size(), "target group") + " is healthy");
            }
        }
        lowTraffic.ifPresent(reasons::add);
        return reasons;
    }

    private static Optional<String> lowTraffic(LoadBalancer lb, Thresholds t, LocalDate firstDay, LocalDate lastDay) {
        if (lb.traffic().isEmpty()) {
            return Optional.empty();
        }
        double busiest = 0;
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            double requests = lb.traffic().get().on(day).map(TrafficDay::requests).orElse(0d);
            if (requests >= t.lbMinRequestsPerDay()) {
                return Optional.empty();
            }
            busiest = Math.max(busiest, requests);
        }
        String unit = lb.type() == LoadBalancerType.NETWORK || lb.type() == LoadBalancerType.GATEWAY
                ? "new flows" : "requests";
        return Optional.of(String.format(Locale.ROOT, "fewer than %s %s a day on each of the last %d days (busiest day: %d)",
                number(t.lbMinRequestsPerDay()), unit, t.lbLowTrafficDays(), Math.round(busiest)));
    }

    private Finding finding(LoadBalancer lb, String reason) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", lb.type().wireName());
        attributes.put("listeners", String.valueOf(lb.listenerCount()));
        return new Finding(ID, defaultSeverity(), lb.accountId(), lb.region(), lb.arn(), lb.name(),
                "elasticloadbalancing:loadbalancer", reason,
                "Delete it if nothing depends on it (check DNS records and CloudFront origins pointing at its DNS name "
                        + "first), or attach healthy targets.",
                new CostBasis.LoadBalancerHours(lb.type(), lb.region()), attributes);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
