package dev.tally.audit.scan.model;

import java.util.List;
import java.util.Objects;

/**
 * An ELB v2 target group. One target group may serve several load balancers (one per listener rule), so it is held
 * once per region and referenced by ARN from each {@link LoadBalancer}.
 *
 * @param arn              the target group ARN
 * @param name             the target group name
 * @param loadBalancerArns the load balancers it serves ({@code LoadBalancerArns}), possibly several, possibly none
 * @param targets          registered and healthy targets ({@code DescribeTargetHealth}); health is per target
 *                         group, so a healthy target serves every load balancer the group is attached to
 */
public record TargetGroup(String arn, String name, List<String> loadBalancerArns, TargetHealthCount targets) {
    public TargetGroup {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(targets, "targets");
        name = name == null ? arn : name;
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }
}
