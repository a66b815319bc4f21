package dev.tally.audit.scan.check;

import static dev.tally.audit.scan.Fixtures.albArn;
import static dev.tally.audit.scan.Fixtures.defaultPolicy;
import static dev.tally.audit.scan.Fixtures.inventory;
import static dev.tally.audit.scan.Fixtures.loadBalancer;
import static dev.tally.audit.scan.Fixtures.region;
import static dev.tally.audit.scan.Fixtures.series;
import static dev.tally.audit.scan.Fixtures.steadyTraffic;
import static dev.tally.audit.scan.Fixtures.targetGroup;
import static dev.tally.audit.scan.Fixtures.tgArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.scan.Fixtures;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.LoadBalancerType;
import dev.tally.audit.scan.model.TargetGroup;
import dev.tally.audit.scan.model.TargetHealthCount;
import dev.tally.audit.scan.model.TrafficDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("orphaned-lb")
class OrphanedLoadBalancerCheckTest {
    private final OrphanedLoadBalancerCheck check = new OrphanedLoadBalancerCheck();

    private List<Finding> evaluate(List<LoadBalancer> lbs, List<TargetGroup> tgs) {
        return check.evaluate(inventory(List.of(region(List.of(), lbs, tgs, List.of())), List.of()), defaultPolicy());
    }

    @Test
    @DisplayName("a busy ALB with a healthy target group is not flagged")
    void healthyBusyAlbPasses() {
        var lb = loadBalancer("web", LoadBalancerType.APPLICATION, 2, List.of(tgArn("web")), steadyTraffic(7, 5000));
        assertThat(evaluate(List.of(lb), List.of(targetGroup("web", List.of(albArn("web")), 3, 3)))).isEmpty();
    }

    @Test
    @DisplayName("no listeners is stated as the reason, priced as the load balancer's hours")
    void noListeners() {
        var lb = loadBalancer("nolisten", LoadBalancerType.NETWORK, 0, List.of(tgArn("t")), steadyTraffic(7, 5000));
        assertThat(evaluate(List.of(lb), List.of(targetGroup("t", List.of(albArn("nolisten")), 1, 1))))
                .singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo("no listeners: it cannot receive traffic");
                    assertThat(f.costBasis()).isEqualTo(new CostBasis.LoadBalancerHours(LoadBalancerType.NETWORK,
                            "eu-west-1"));
                });
    }

    @Test
    @DisplayName("an NLB with no target groups is flagged; so is a redirect-only ALB without traffic, but not one with traffic")
    void noTargetGroups() {
        var nlb = loadBalancer("nlb", LoadBalancerType.NETWORK, 1, List.of(), steadyTraffic(7, 5000));
        var busyRedirect = loadBalancer("redirect", LoadBalancerType.APPLICATION, 1, List.of(), steadyTraffic(7, 5000));
        var quietRedirect = loadBalancer("quiet", LoadBalancerType.APPLICATION, 1, List.of(), steadyTraffic(7, 3));

        assertThat(evaluate(List.of(nlb, busyRedirect, quietRedirect), List.of()))
                .extracting(Finding::resourceId, Finding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nlb", "no target groups"),
                        org.assertj.core.groups.Tuple.tuple("quiet", "no target groups; fewer than 100 requests a day "
                                + "on each of the last 7 days (busiest day: 3)"));
    }

    @Test
    @DisplayName("target groups with no registered targets, or no healthy ones, are stated with the counts")
    void noRegisteredOrHealthyTargets() {
        var empty = loadBalancer("empty", LoadBalancerType.APPLICATION, 1, List.of(tgArn("e")), steadyTraffic(7, 5000));
        var sick = loadBalancer("sick", LoadBalancerType.GATEWAY, 1, List.of(tgArn("s")), steadyTraffic(7, 5000));
        TargetGroup e = targetGroup("e", List.of(albArn("empty")), 0, 0);
        TargetGroup s = new TargetGroup(tgArn("s") + "x", "s", List.of(albArn("sick")), new TargetHealthCount(4, 0));

        assertThat(evaluate(List.of(empty, sick), List.of(e, s))).extracting(Finding::reason).containsExactly(
                "its 1 target group has no registered targets",
                "none of the 4 registered targets in its 1 target group is healthy");
    }

    @Test
    @DisplayName("a target group shared by two load balancers counts as healthy for each, and once per load balancer")
    void sharedTargetGroup() {
        String shared = tgArn("shared");
        // Attachment recorded only on the target group side for "b", on both sides for "a" (several listeners).
        var a = loadBalancer("a", LoadBalancerType.APPLICATION, 2, List.of(shared, shared), steadyTraffic(7, 5000));
        var b = loadBalancer("b", LoadBalancerType.APPLICATION, 1, List.of(), steadyTraffic(7, 5000));
        var tg = new TargetGroup(shared, "shared", List.of(albArn("a"), albArn("b")), new TargetHealthCount(2, 1));
        assertThat(evaluate(List.of(a, b), List.of(tg))).isEmpty();

        var unhealthy = new TargetGroup(shared, "shared", List.of(albArn("a"), albArn("b")), new TargetHealthCount(2, 0));
        assertThat(evaluate(List.of(a, b), List.of(unhealthy))).extracting(Finding::resourceId, Finding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "none of the 2 registered targets in its 1 target group is healthy"),
                        org.assertj.core.groups.Tuple.tuple("b", "none of the 2 registered targets in its 1 target group is healthy"));
    }

    @Test
    @DisplayName("traffic under 100 requests on EVERY one of the last 7 days flags it; missing days count as zero")
    void lowTraffic() {
        var quiet = loadBalancer("quiet", LoadBalancerType.APPLICATION, 1, List.of(tgArn("q")),
                series(7, i -> i == 3 ? new TrafficDay(99, 10) : null));
        var oneBusyDay = loadBalancer("spiky", LoadBalancerType.APPLICATION, 1, List.of(tgArn("p")),
                series(7, i -> i == 6 ? new TrafficDay(100, 10) : null));
        var silentNlb = loadBalancer("silent", LoadBalancerType.NETWORK, 1, List.of(tgArn("n")),
                series(7, i -> null));

        List<Finding> findings = evaluate(List.of(quiet, oneBusyDay, silentNlb), List.of(
                targetGroup("q", List.of(albArn("quiet")), 1, 1), targetGroup("p", List.of(albArn("spiky")), 1, 1),
                targetGroup("n", List.of(albArn("silent")), 1, 1)));

        assertThat(findings).extracting(Finding::resourceId, Finding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("quiet",
                        "fewer than 100 requests a day on each of the last 7 days (busiest day: 99)"),
                org.assertj.core.groups.Tuple.tuple("silent",
                        "fewer than 100 new flows a day on each of the last 7 days (busiest day: 0)"));
    }

    @Test
    @DisplayName("no traffic data (CloudWatch failed) is not read as zero traffic")
    void missingMetricsAreNotZero() {
        var lb = loadBalancer("unknown", LoadBalancerType.APPLICATION, 1, List.of(tgArn("u")), null);
        assertThat(evaluate(List.of(lb), List.of(targetGroup("u", List.of(albArn("unknown")), 1, 1)))).isEmpty();
    }

    @Test
    @DisplayName("a Classic load balancer is judged on its registered instances and their InService count")
    void classic() {
        var none = new LoadBalancer(LoadBalancer.classicArn("eu-west-1", Fixtures.ACCOUNT, "old"), "old",
                LoadBalancerType.CLASSIC, Fixtures.ACCOUNT, "eu-west-1", Fixtures.daysAgo(900), 1, List.of(),
                Optional.of(new TargetHealthCount(0, 0)), Map.of(), Optional.of(steadyTraffic(7, 500)));
        var outOfService = new LoadBalancer(LoadBalancer.classicArn("eu-west-1", Fixtures.ACCOUNT, "oos"), "oos",
                LoadBalancerType.CLASSIC, Fixtures.ACCOUNT, "eu-west-1", Fixtures.daysAgo(900), 1, List.of(),
                Optional.of(new TargetHealthCount(2, 0)), Map.of(), Optional.of(steadyTraffic(7, 500)));
        var fine = new LoadBalancer(LoadBalancer.classicArn("eu-west-1", Fixtures.ACCOUNT, "fine"), "fine",
                LoadBalancerType.CLASSIC, Fixtures.ACCOUNT, "eu-west-1", Fixtures.daysAgo(900), 1, List.of(),
                Optional.of(new TargetHealthCount(2, 1)), Map.of(), Optional.of(steadyTraffic(7, 500)));

        assertThat(evaluate(List.of(none, outOfService, fine), List.of())).extracting(Finding::resourceId, Finding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("old", "no registered instances"),
                        org.assertj.core.groups.Tuple.tuple("oos", "none of its 2 registered instances is InService"));
    }

    @Test
    @DisplayName("a load balancer younger than the traffic window is skipped (probably mid-deployment)")
    void youngLoadBalancersAreSkipped() {
        var young = new LoadBalancer(albArn("new"), "new", LoadBalancerType.APPLICATION, Fixtures.ACCOUNT, "eu-west-1",
                Fixtures.daysAgo(3), 0, List.of(), Optional.empty(), Map.of(), Optional.of(steadyTraffic(7, 0)));
        assertThat(evaluate(List.of(young), List.of())).isEmpty();
    }

    @Test
    @DisplayName("several reasons are all stated")
    void severalReasons() {
        var lb = loadBalancer("dead", LoadBalancerType.NETWORK, 0, List.of(), series(7, i -> null));
        assertThat(evaluate(List.of(lb), List.of())).singleElement().extracting(Finding::reason).isEqualTo(
                "no listeners: it cannot receive traffic; no target groups; fewer than 100 new flows a day on each "
                        + "of the last 7 days (busiest day: 0)");
    }
}
