package dev.tally.audit.scan.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A load balancer of any of the four types.
 *
 * @param arn                 the ARN; a Classic load balancer has none, so the collector builds
 *                            {@code arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/<name>}, the form the
 *                            Tagging API and IAM use
 * @param name                the load balancer name
 * @param type                application, network, gateway or classic
 * @param accountId           the owning account (12 digits)
 * @param region              the region code
 * @param createdTime         when it was created, UTC
 * @param listenerCount       the number of listeners (Classic: {@code ListenerDescriptions})
 * @param targetGroupArns     ELB v2: the target groups attached to it (from {@link TargetGroup#loadBalancerArns()});
 *                            empty for Classic
 * @param registeredInstances Classic only: the instances registered directly on it and how many are
 *                            {@code InService}; empty for ELB v2
 * @param tags                its tags, empty when it has none
 * @param traffic             daily traffic over the window the scan asked for (a missing day means zero traffic), or
 *                            empty when it was not collected (a {@link ScanFailure} then says why)
 */
public record LoadBalancer(
        String arn,
        String name,
        LoadBalancerType type,
        String accountId,
        String region,
        Instant createdTime,
        int listenerCount,
        List<String> targetGroupArns,
        Optional<TargetHealthCount> registeredInstances,
        Map<String, String> tags,
        Optional<DailySeries<TrafficDay>> traffic) {

    public LoadBalancer {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(createdTime, "createdTime");
        name = name == null ? arn : name;
        if (listenerCount < 0) {
            throw new IllegalArgumentException("listenerCount cannot be negative: " + listenerCount);
        }
        targetGroupArns = List.copyOf(targetGroupArns);
        registeredInstances = registeredInstances == null ? Optional.empty() : registeredInstances;
        tags = Tags.copyOf(tags);
        traffic = traffic == null ? Optional.empty() : traffic;
    }

    /** The ARN form of a Classic load balancer, which AWS does not return from {@code DescribeLoadBalancers}. */
    public static String classicArn(String region, String accountId, String name) {
        return "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":loadbalancer/" + name;
    }
}
