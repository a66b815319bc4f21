package dev.tally.audit.scan.collect.elb;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Reads Application, Network and Gateway Load Balancers (Elastic Load Balancing v2) of one region: load balancers,
 * listeners, target groups, target health and tags, paginating every call that pages.
 */
public final class LoadBalancerV2Reader {
    /** DescribeTags accepts at most 20 resource ARNs per call. */
    static final int TAG_BATCH = 20;
    /** The largest page DescribeLoadBalancers and DescribeTargetGroups serve. */
    static final int PAGE_SIZE = 400;

    private final ElasticLoadBalancingV2Client elb;

    public LoadBalancerV2Reader(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    public List<LoadBalancer> loadBalancers() {
        return AwsCall.named("ElasticLoadBalancingV2", "DescribeLoadBalancers", () ->
                elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE)).loadBalancers().stream().toList());
    }

    public List<Listener> listeners(String loadBalancerArn) {
        return AwsCall.named("ElasticLoadBalancingV2", "DescribeListeners", () ->
                elb.describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn)).listeners().stream().toList());
    }

    /** Every target group of the region (each names the load balancers it is attached to). */
    public List<TargetGroup> targetGroups() {
        return AwsCall.named("ElasticLoadBalancingV2", "DescribeTargetGroups", () ->
                elb.describeTargetGroupsPaginator(r -> r.pageSize(PAGE_SIZE)).targetGroups().stream().toList());
    }

    /** DescribeTargetHealth does not page: one call returns every registered target. */
    public List<TargetHealthDescription> targetHealth(String targetGroupArn) {
        return AwsCall.named("ElasticLoadBalancingV2", "DescribeTargetHealth", () ->
                elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions());
    }

    /** Tags by resource ARN, {@value #TAG_BATCH} ARNs per call; ARNs without tags map to an empty map. */
    public Map<String, Map<String, String>> tags(List<String> resourceArns) {
        Map<String, Map<String, String>> tags = new TreeMap<>();
        for (List<String> batch : batches(resourceArns, TAG_BATCH)) {
            List<TagDescription> described = AwsCall.named("ElasticLoadBalancingV2", "DescribeTags", () ->
                    elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions());
            for (TagDescription description : described) {
                Map<String, String> byKey = new TreeMap<>();
                for (Tag tag : description.tags()) {
                    byKey.put(tag.key(), tag.value() == null ? "" : tag.value());
                }
                tags.put(description.resourceArn(), byKey);
            }
        }
        resourceArns.forEach(arn -> tags.putIfAbsent(arn, Map.of()));
        return tags;
    }

    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
