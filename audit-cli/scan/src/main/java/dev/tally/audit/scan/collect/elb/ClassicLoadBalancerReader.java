package dev.tally.audit.scan.collect.elb;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.InstanceState;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagDescription;

/** Reads Classic Load Balancers of one region: descriptions (every page), instance health and tags. */
public final class ClassicLoadBalancerReader {
    /** Classic DescribeTags accepts at most 20 load balancer names per call. */
    static final int TAG_BATCH = 20;
    /** The largest page Classic DescribeLoadBalancers serves. */
    static final int PAGE_SIZE = 400;

    private final ElasticLoadBalancingClient elb;

    public ClassicLoadBalancerReader(ElasticLoadBalancingClient elb) {
        this.elb = elb;
    }

    public List<LoadBalancerDescription> loadBalancers() {
        return AwsCall.named("ElasticLoadBalancing", "DescribeLoadBalancers", () ->
                elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE)).loadBalancerDescriptions().stream()
                        .toList());
    }

    /** Health of every instance registered with the load balancer ({@code InService}, {@code OutOfService}, ...). */
    public List<InstanceState> instanceHealth(String loadBalancerName) {
        return AwsCall.named("ElasticLoadBalancing", "DescribeInstanceHealth", () ->
                elb.describeInstanceHealth(r -> r.loadBalancerName(loadBalancerName)).instanceStates());
    }

    /** Tags by load balancer name, {@value #TAG_BATCH} names per call; untagged ones map to an empty map. */
    public Map<String, Map<String, String>> tags(List<String> loadBalancerNames) {
        Map<String, Map<String, String>> tags = new TreeMap<>();
        for (List<String> batch : LoadBalancerV2Reader.batches(loadBalancerNames, TAG_BATCH)) {
            List<TagDescription> described = AwsCall.named("ElasticLoadBalancing", "DescribeTags", () ->
                    elb.describeTags(r -> r.loadBalancerNames(batch)).tagDescriptions());
            for (TagDescription description : described) {
                Map<String, String> byKey = new TreeMap<>();
                for (Tag tag : description.tags()) {
                    byKey.put(tag.key(), tag.value() == null ? "" : tag.value());
                }
                tags.put(description.loadBalancerName(), byKey);
            }
        }
        loadBalancerNames.forEach(name -> tags.putIfAbsent(name, Map.of()));
        return tags;
    }
}
