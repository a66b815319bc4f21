package dev.tally.audit.scan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a collector must fetch for a scan, so that unselected checks cost no API calls (CloudWatch
 * {@code GetMetricData} is billed per metric).
 *
 * @param instances                 describe EC2 instances
 * @param instanceMetricDays        how many whole UTC days of instance metrics to fetch, ending at {@code lastDay}
 *                                  (0 = none); for example 14 for the Trusted Advisor rule, 90 for the long rule
 * @param loadBalancers             describe load balancers, their listeners and target groups with target health
 * @param loadBalancerMetricDays    how many whole UTC days of load balancer traffic to fetch, ending at
 *                                  {@code lastDay} (0 = none)
 * @param buckets                   list buckets with their Block Public Access, policy status, ACL and tags, and the
 *                                  account's Block Public Access
 * @param taggedResources           call the Tagging API ({@code GetResources}) for every tagged resource
 * @param lastDay                   the last complete UTC day of metrics (normally yesterday)
 */
public record CollectionScope(
        boolean instances,
        int instanceMetricDays,
        boolean loadBalancers,
        int loadBalancerMetricDays,
        boolean buckets,
        boolean taggedResources,
        LocalDate lastDay) {

    public CollectionScope {
        Objects.requireNonNull(lastDay, "lastDay");
        if (instanceMetricDays < 0 || loadBalancerMetricDays < 0) {
            throw new IllegalArgumentException("metric days cannot be negative");
        }
    }

    /** The first UTC day of instance metrics (inclusive). */
    public LocalDate instanceMetricsFirstDay() {
        return lastDay.minusDays(Math.max(instanceMetricDays, 1) - 1L);
    }

    /** The first UTC day of load balancer traffic (inclusive). */
    public LocalDate loadBalancerMetricsFirstDay() {
        return lastDay.minusDays(Math.max(loadBalancerMetricDays, 1) - 1L);
    }
}
