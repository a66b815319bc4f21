package dev.tally.audit.scan.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a generated account: how many resources, spread evenly over how many regions, and how slow the fake
 * AWS answers. Resource names are derived from their index so every run sees the same account.
 *
 * @param accountId     the account's id
 * @param instances     EC2 instances in all regions together
 * @param loadBalancers load balancers in all regions together (half ALB, a third NLB, the rest Classic)
 * @param buckets       S3 buckets (regions assigned round-robin)
 * @param regions       region codes
 * @param latencyMillis what every API call waits before it answers, in milliseconds
 */
public record SyntheticAccount(String accountId, int instances, int loadBalancers, int buckets, List<String> regions,
                               int latencyMillis) {

    /** The benchmark's account: 10,000 instances, 500 load balancers, 2,000 buckets, 4 regions, 20 ms per call. */
    public static SyntheticAccount standard(int latencyMillis) {
        return new SyntheticAccount("111122223333", 10_000, 500, 2_000,
                List.of("eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2"), latencyMillis);
    }

    public SyntheticAccount {
        regions = List.copyOf(regions);
    }

    /** Instance ids of one region. */
    public List<String> instanceIds(String region) {
        int r = regions.indexOf(region);
        List<String> ids = new ArrayList<>();
        for (int i = r; i < instances; i += regions.size()) {
            ids.add(String.format("i-%017x", i));
        }
        return ids;
    }

    /** One region's load balancers. */
    public List<SyntheticLoadBalancer> loadBalancers(String region) {
        int r = regions.indexOf(region);
        List<SyntheticLoadBalancer> result = new ArrayList<>();
        for (int i = r; i < loadBalancers; i += regions.size()) {
            String type = i % 6 < 3 ? "application" : i % 6 < 5 ? "network" : "classic";
            String name = "lb-" + i;
            String arn = switch (type) {
                case "application" -> arn(region, "loadbalancer/app/" + name + "/" + String.format("%016x", i));
                case "network" -> arn(region, "loadbalancer/net/" + name + "/" + String.format("%016x", i));
                default -> arn(region, "loadbalancer/" + name);
            };
            result.add(new SyntheticLoadBalancer(name, arn, type,
                    arn(region, "targetgroup/tg-" + i + "/" + String.format("%016x", i)), i % 7 != 0));
        }
        return result;
    }

    public String bucketName(int index) {
        return "bucket-" + index;
    }

    public String bucketRegion(int index) {
        return regions.get(index % regions.size());
    }

    private String arn(String region, String resource) {
        return "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":" + resource;
    }

    /**
     * @param targetGroupArn the ELB v2 load balancer's one target group (unused for Classic)
     * @param hasListener    whether it has a listener (every seventh has none: an orphan)
     */
    public record SyntheticLoadBalancer(String name, String arn, String type, String targetGroupArn,
                                        boolean hasListener) {
    }
}
