package dev.tally.audit.scan;

import static dev.tally.audit.scan.Fixtures.daysAgo;
import static dev.tally.audit.scan.Fixtures.series;

import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AclGrant;
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
import dev.tally.audit.scan.model.TargetGroup;
import dev.tally.audit.scan.model.TargetHealthCount;
import dev.tally.audit.scan.model.TaggedResource;
import dev.tally.audit.scan.model.TrafficDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, realistic estate used by the end-to-end tests and the README examples: account 111111111111 with waste in
 * eu-west-1 and us-east-1.
 */
public final class SampleEstate {
    public static final String ACCOUNT = "111111111111";
    private static final double MB = 1_000_000d;

    private SampleEstate() {
    }

    static Map<String, String> tags(String... extra) {
        Map<String, String> tags = new HashMap<>(Map.of("tally:owner", "payments", "tally:cost-center", "cc-42",
                "tally:environment", "production", "tally:application", "renewals"));
        for (int i = 0; i < extra.length; i += 2) {
            tags.put(extra[i], extra[i + 1]);
        }
        return tags;
    }

    static DailySeries<InstanceDay> idle(int days) {
        return series(days, i -> new InstanceDay(1.5 + (i % 3), 0.8 * MB));
    }

    static DailySeries<InstanceDay> busy(int days) {
        return series(days, i -> new InstanceDay(62, 4000 * MB));
    }

    static Ec2Instance instance(String region, String id, String type, Map<String, String> tags,
                                DailySeries<InstanceDay> metrics) {
        return new Ec2Instance(id, ACCOUNT, region, type, InstanceState.RUNNING, daysAgo(120),
                Optional.of("Linux/UNIX"), "default", false, tags, Optional.of(metrics));
    }

    public static InMemoryBackend backend() {
        String euAlb = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT + ":loadbalancer/app/legacy-admin/5d1c0d1e2f3a4b5c";
        String euTg = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT + ":targetgroup/legacy-admin/1a2b3c4d5e6f7a8b";
        RegionInventory euWest1 = new RegionInventory(ACCOUNT, "eu-west-1",
                List.of(instance("eu-west-1", "i-0a1b2c3d4e5f60001", "m5.2xlarge", tags(), idle(14)),
                        instance("eu-west-1", "i-0a1b2c3d4e5f60002", "c6g.xlarge",
                                tags("aws:autoscaling:groupName", "renewal-workers"), idle(14)),
                        instance("eu-west-1", "i-0a1b2c3d4e5f60003", "r6g.large", tags(), busy(14)),
                        instance("eu-west-1", "i-0a1b2c3d4e5f60004", "m8g.large", tags(), idle(14))),
                List.of(new LoadBalancer(euAlb, "legacy-admin", LoadBalancerType.APPLICATION, ACCOUNT, "eu-west-1",
                        daysAgo(400), 1, List.of(euTg), Optional.empty(), tags(),
                        Optional.of(series(7, i -> i == 2 ? new TrafficDay(12, 40_000) : null)))),
                List.of(new TargetGroup(euTg, "legacy-admin", List.of(euAlb), new TargetHealthCount(2, 0))),
                List.of(new TaggedResource("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":renewals-dlq",
                        Map.of("tally:owner", "payments"))),
                List.of());
        RegionInventory usEast1 = new RegionInventory(ACCOUNT, "us-east-1",
                List.of(instance("us-east-1", "i-0f9e8d7c6b5a40001", "t3.medium", Map.of(), idle(14))),
                List.of(new LoadBalancer(LoadBalancer.classicArn("us-east-1", ACCOUNT, "old-www"), "old-www",
                        LoadBalancerType.CLASSIC, ACCOUNT, "us-east-1", daysAgo(2000), 1, List.of(),
                        Optional.of(new TargetHealthCount(0, 0)), tags(), Optional.of(series(7, i -> null)))),
                List.of(), List.of(), List.of());
        AccountInventory s3 = new AccountInventory(ACCOUNT, Optional.of(new BlockPublicAccess(true, false, true, false)),
                List.of(new Bucket("tally-public-assets", ACCOUNT, "eu-west-1", daysAgo(500), Optional.empty(),
                                PolicyStatus.PUBLIC, List.of(new AclGrant(AclGrant.ALL_USERS, "READ")), tags()),
                        new Bucket("tally-cur-exports", ACCOUNT, "us-east-1", daysAgo(500),
                                Optional.of(BlockPublicAccess.ALL_ON), PolicyStatus.NOT_PUBLIC, List.of(),
                                Map.of("tally:owner", "finops"))),
                List.of());
        return new InMemoryBackend().account(ACCOUNT, "eu-west-1", "us-east-1").region(euWest1).region(usEast1)
                .accountInventory(s3);
    }
}
