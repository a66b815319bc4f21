package dev.tally.audit.scan.check;

import static dev.tally.audit.scan.Fixtures.FULL_TAGS;
import static dev.tally.audit.scan.Fixtures.daysAgo;
import static dev.tally.audit.scan.Fixtures.defaultPolicy;
import static dev.tally.audit.scan.Fixtures.instance;
import static dev.tally.audit.scan.Fixtures.policy;
import static dev.tally.audit.scan.Fixtures.runningInstance;
import static dev.tally.audit.scan.Fixtures.series;
import static dev.tally.audit.scan.Fixtures.withInstances;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.scan.model.DailySeries;
import dev.tally.audit.scan.model.InstanceDay;
import dev.tally.audit.scan.model.InstanceState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("idle-ec2")
class IdleInstanceCheckTest {
    private static final double MB = 1_000_000d;
    private final IdleInstanceCheck check = new IdleInstanceCheck();

    private static InstanceDay idleDay() {
        return new InstanceDay(2.0, 1 * MB);
    }

    private static InstanceDay busyDay() {
        return new InstanceDay(55.0, 900 * MB);
    }

    /** 14 days, the first {@code idle} of them idle, the rest busy. */
    private static DailySeries<InstanceDay> idleOn(int idle) {
        return series(14, i -> i < idle ? idleDay() : busyDay());
    }

    @Test
    @DisplayName("trusted-advisor: flags an instance idle on exactly 4 of the last 14 days, with the count in the reason")
    void flagsAtTheIdleDayThreshold() {
        List<Finding> findings = check.evaluate(withInstances(runningInstance("i-idle", idleOn(4))), defaultPolicy());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("i-idle");
            assertThat(f.reason()).contains("on 4 of the last 14 days").contains("14 days with data");
            assertThat(f.costBasis()).isEqualTo(new CostBasis.InstanceHours("m5.large", "eu-west-1",
                    java.util.Optional.of("Linux/UNIX"), false));
        });
    }

    @Test
    @DisplayName("trusted-advisor: 3 idle days are not enough")
    void threeIdleDaysAreNotEnough() {
        assertThat(check.evaluate(withInstances(runningInstance("i-busy", idleOn(3))), defaultPolicy())).isEmpty();
    }

    @Test
    @DisplayName("trusted-advisor: a day is idle only when BOTH CPU and network are at or below their thresholds")
    void bothConditionsMustHold() {
        DailySeries<InstanceDay> lowCpuButChatty = series(14, i -> new InstanceDay(1.0, 5 * MB + 1));
        DailySeries<InstanceDay> quietButBusyCpu = series(14, i -> new InstanceDay(10.01, 0));
        DailySeries<InstanceDay> exactlyAtThresholds = series(14, i -> new InstanceDay(10.0, 5 * MB));

        List<Finding> findings = check.evaluate(withInstances(runningInstance("i-chatty", lowCpuButChatty),
                runningInstance("i-cpu", quietButBusyCpu), runningInstance("i-edge", exactlyAtThresholds)),
                defaultPolicy());

        assertThat(findings).extracting(Finding::resourceId).containsExactly("i-edge");
    }

    @Test
    @DisplayName("trusted-advisor: days without datapoints (stopped) are neither idle nor counted")
    void daysWithoutDataAreNotIdleDays() {
        // Stopped for 11 days, 3 idle days with data: under the rule of 4.
        DailySeries<InstanceDay> mostlyStopped = series(14, i -> i < 11 ? null : idleDay());

        assertThat(check.evaluate(withInstances(runningInstance("i-stopped-mostly", mostlyStopped)), defaultPolicy()))
                .isEmpty();

        DailySeries<InstanceDay> fourIdleDaysWithData = series(14, i -> i < 10 ? null : idleDay());
        assertThat(check.evaluate(withInstances(runningInstance("i-four", fourIdleDaysWithData)), defaultPolicy()))
                .singleElement().satisfies(f -> assertThat(f.reason()).contains("(4 days with data"));
    }

    @Test
    @DisplayName("skips stopped instances, instances younger than the window, and instances without metrics")
    void skipsWhatCannotBeJudged() {
        var stopped = instance("i-stopped", "m5.large", InstanceState.STOPPED, daysAgo(200), FULL_TAGS, idleOn(14));
        var young = instance("i-young", "m5.large", InstanceState.RUNNING, daysAgo(10), FULL_TAGS, idleOn(14));
        var noMetrics = instance("i-nometrics", "m5.large", InstanceState.RUNNING, daysAgo(200), FULL_TAGS, null);
        var oldEnough = instance("i-13days", "m5.large", InstanceState.RUNNING, daysAgo(13), FULL_TAGS, idleOn(14));

        assertThat(check.evaluate(withInstances(stopped, young, noMetrics, oldEnough), defaultPolicy()))
                .extracting(Finding::resourceId).containsExactly("i-13days");
    }

    @Test
    @DisplayName("an Auto Scaling group member is flagged with a scale-the-group recommendation and its group named")
    void autoScalingMembersGetAGroupRecommendation() {
        Map<String, String> tags = new HashMap<>(FULL_TAGS);
        tags.put("aws:autoscaling:groupName", "web-asg");
        var member = instance("i-asg", "c6g.large", InstanceState.RUNNING, daysAgo(100), tags, idleOn(14));

        assertThat(check.evaluate(withInstances(member), defaultPolicy())).singleElement().satisfies(f -> {
            assertThat(f.attributes()).containsEntry("autoScalingGroup", "web-asg");
            assertThat(f.recommendation()).contains("Auto Scaling group web-asg").contains("desired");
            assertThat(f.recommendation()).doesNotStartWith("Stop");
        });
    }

    @Test
    @DisplayName("an EKS node (eks:cluster-name or kubernetes.io/cluster/<name>) names its cluster")
    void eksNodesNameTheirCluster() {
        Map<String, String> karpenter = new HashMap<>(FULL_TAGS);
        karpenter.put("kubernetes.io/cluster/platform-prod", "owned");
        var node = instance("i-node", "m6g.xlarge", InstanceState.RUNNING, daysAgo(100), karpenter, idleOn(14));

        assertThat(check.evaluate(withInstances(node), defaultPolicy())).singleElement().satisfies(f -> {
            assertThat(f.attributes()).containsEntry("eksCluster", "platform-prod");
            assertThat(f.recommendation()).contains("EKS cluster platform-prod");
        });
    }

    @Test
    @DisplayName("cpu-90d: flags an average CPU below 15% over 90 days, not 15% itself")
    void longRule() {
        Thresholds rule = new Thresholds(IdleRule.CPU_90D, 10, 5, 4, 14, 15, 90, 14, 100, 7);
        var low = instance("i-low", "r6g.large", InstanceState.RUNNING, daysAgo(120), FULL_TAGS,
                series(90, i -> new InstanceDay(i % 2 == 0 ? 4 : 20, 500 * MB)));   // average 12%
        var atThreshold = instance("i-15", "r6g.large", InstanceState.RUNNING, daysAgo(120), FULL_TAGS,
                series(90, i -> new InstanceDay(15, 0)));
        var young = instance("i-young", "r6g.large", InstanceState.RUNNING, daysAgo(60), FULL_TAGS,
                series(90, i -> new InstanceDay(1, 0)));

        List<Finding> findings = check.evaluate(withInstances(low, atThreshold, young), policy(rule));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("i-low");
            assertThat(f.reason()).contains("average CPU 12.0% < 15% over the last 90 days (90 days with data)");
        });
    }

    @Test
    @DisplayName("cpu-90d: too few days with data are not judged")
    void longRuleNeedsEnoughData() {
        Thresholds rule = new Thresholds(IdleRule.CPU_90D, 10, 5, 4, 14, 15, 90, 14, 100, 7);
        var sparse = instance("i-sparse", "r6g.large", InstanceState.RUNNING, daysAgo(120), FULL_TAGS,
                series(90, i -> i < 77 ? null : new InstanceDay(1, 0)));   // 13 days with data

        assertThat(check.evaluate(withInstances(sparse), policy(rule))).isEmpty();
    }

    @Test
    @DisplayName("declares the metric window its rule needs, so the collector fetches exactly that")
    void requirementsFollowTheRule() {
        var scope = new dev.tally.audit.scan.model.CollectionScope(false, 0, false, 0, false, false,
                dev.tally.audit.scan.Fixtures.LAST_DAY);
        assertThat(check.requirements(scope, defaultPolicy()).instanceMetricDays()).isEqualTo(14);
        Thresholds rule = new Thresholds(IdleRule.CPU_90D, 10, 5, 4, 14, 15, 90, 14, 100, 7);
        assertThat(check.requirements(scope, policy(rule)).instanceMetricDays()).isEqualTo(90);
        assertThat(check.requirements(scope, policy(rule)).instances()).isTrue();
    }
}
