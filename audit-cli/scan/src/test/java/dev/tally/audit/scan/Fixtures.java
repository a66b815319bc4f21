package dev.tally.audit.scan;

import dev.tally.audit.scan.check.AuditPolicy;
import dev.tally.audit.scan.check.Thresholds;
import dev.tally.audit.scan.check.tags.RequiredTag;
import dev.tally.audit.scan.check.tags.TagPolicy;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.DailySeries;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.InstanceDay;
import dev.tally.audit.scan.model.InstanceState;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.LoadBalancerType;
import dev.tally.audit.scan.model.PolicyStatus;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.ScanInventory;
import dev.tally.audit.scan.model.TargetGroup;
import dev.tally.audit.scan.model.TargetHealthCount;
import dev.tally.audit.scan.model.TaggedResource;
import dev.tally.audit.scan.model.TrafficDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Builders for hand-made inventories: the checks are pure, so their tests need nothing else. */
public final class Fixtures {
    public static final String ACCOUNT = "111111111111";
    public static final String REGION = "eu-west-1";
    /** The last complete day of every fixture inventory. */
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    public static final Map<String, String> FULL_TAGS = Map.of("tally:owner", "payments", "tally:cost-center", "cc-42",
            "tally:environment", "prod", "tally:application", "renewals");

    private Fixtures() {
    }

    public static Instant daysAgo(int days) {
        return LAST_DAY.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A series over the last {@code windowDays} days; {@code dayValue} gets 0 for the oldest day, null = no data. */
    public static <T> DailySeries<T> series(int windowDays, IntFunction<T> dayValue) {
        SortedMap<LocalDate, T> days = new TreeMap<>();
        LocalDate first = LAST_DAY.minusDays(windowDays - 1L);
        for (int i = 0; i < windowDays; i++) {
            T value = dayValue.apply(i);
            if (value != null) {
                days.put(first.plusDays(i), value);
            }
        }
        return new DailySeries<>(first, LAST_DAY, days);
    }

    public static Ec2Instance instance(String id, String type, InstanceState state, Instant launched,
                                       Map<String, String> tags, DailySeries<InstanceDay> metrics) {
        return new Ec2Instance(id, ACCOUNT, REGION, type, state, launched, Optional.of("Linux/UNIX"), "default",
                false, tags, Optional.ofNullable(metrics));
    }

    public static Ec2Instance runningInstance(String id, DailySeries<InstanceDay> metrics) {
        return instance(id, "m5.large", InstanceState.RUNNING, daysAgo(200), FULL_TAGS, metrics);
    }

    public static String albArn(String name) {
        return "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":loadbalancer/app/" + name + "/50dc6c495c0c9188";
    }

    public static String tgArn(String name) {
        return "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":targetgroup/" + name + "/73e2d6bc24d8a067";
    }

    public static LoadBalancer loadBalancer(String name, LoadBalancerType type, int listeners, List<String> targetGroups,
                                            DailySeries<TrafficDay> traffic) {
        String arn = type == LoadBalancerType.CLASSIC ? LoadBalancer.classicArn(REGION, ACCOUNT, name) : albArn(name);
        return new LoadBalancer(arn, name, type, ACCOUNT, REGION, daysAgo(100), listeners, targetGroups,
                Optional.empty(), FULL_TAGS, Optional.ofNullable(traffic));
    }

    public static TargetGroup targetGroup(String name, List<String> lbArns, int registered, int healthy) {
        return new TargetGroup(tgArn(name), name, lbArns, new TargetHealthCount(registered, healthy));
    }

    public static DailySeries<TrafficDay> steadyTraffic(int days, double requestsPerDay) {
        return series(days, i -> new TrafficDay(requestsPerDay, requestsPerDay * 2000));
    }

    public static Bucket bucket(String name, Optional<BlockPublicAccess> bpa, PolicyStatus policy,
                                List<dev.tally.audit.scan.model.AclGrant> grants) {
        return new Bucket(name, ACCOUNT, REGION, daysAgo(300), bpa, policy, grants, FULL_TAGS);
    }

    public static RegionInventory region(List<Ec2Instance> instances, List<LoadBalancer> lbs, List<TargetGroup> tgs,
                                         List<TaggedResource> tagged) {
        return new RegionInventory(ACCOUNT, REGION, instances, lbs, tgs, tagged, List.of());
    }

    public static ScanInventory inventory(List<RegionInventory> regions, List<AccountInventory> accounts) {
        return new ScanInventory(LAST_DAY, accounts, regions);
    }

    public static ScanInventory withInstances(Ec2Instance... instances) {
        return inventory(List.of(region(List.of(instances), List.of(), List.of(), List.of())), List.of());
    }

    public static TagPolicy cdkTagPolicy() {
        return new TagPolicy(List.of(
                new RequiredTag("tally:owner", Set.of(), Set.of(), List.of()),
                new RequiredTag("tally:cost-center", Set.of(), Set.of(), List.of()),
                new RequiredTag("tally:environment", Set.of(), Set.of(), List.of("dev", "staging", "prod")),
                new RequiredTag("tally:application", Set.of(), Set.of("s3:bucket"), List.of())));
    }

    public static AuditPolicy policy(Thresholds thresholds) {
        return new AuditPolicy(thresholds, cdkTagPolicy());
    }

    public static AuditPolicy defaultPolicy() {
        return policy(Thresholds.DEFAULTS);
    }
}
