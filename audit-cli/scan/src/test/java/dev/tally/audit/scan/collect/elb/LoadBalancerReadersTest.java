package dev.tally.audit.scan.collect.elb;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.inRegion;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.BoundedParallel;
import dev.tally.audit.scan.collect.FailureLog;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.cloudwatch.MetricDataFetcher;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.LoadBalancerType;
import dev.tally.audit.scan.model.TargetHealthCount;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

@DisplayName("ELB v2 and Classic ELB through the real SDK against the ELB query wire formats (2015-12-01, 2012-06-01)")
class LoadBalancerReadersTest {
    private static final String ALB =
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web-alb/50dc6c495c0c9188";
    private static final String NLB =
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/orphan-nlb/a1b2c3d4e5f60718";

    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();
    private ElasticLoadBalancingV2Client v2;
    private ElasticLoadBalancingClient classic;
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        server.start();
        ServiceClients clients = new ServiceClients(WireMockAws.settings(server, ledger, 3));
        v2 = clients.elbV2("eu-west-1");
        classic = clients.classicElb("eu-west-1");
        cloudWatch = clients.cloudWatch("eu-west-1");
    }

    @AfterEach
    void stop() {
        v2.close();
        classic.close();
        cloudWatch.close();
        server.stop();
    }

    private void stubRegion() {
        // Both APIs share the Action name DescribeLoadBalancers: the Version tells them apart, as at AWS.
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2015-12-01"))
                .withRequestBody(notContaining("Marker=")).willReturn(xml("elbv2/describe-load-balancers-page1.xml")));
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2015-12-01"))
                .withRequestBody(containing("Marker=bWFya2VyLXBhZ2UtMg%3D%3D"))
                .willReturn(xml("elbv2/describe-load-balancers-page2.xml")));
        server.stubFor(query("DescribeListeners").withRequestBody(containing("web-alb"))
                .willReturn(xml("elbv2/describe-listeners.xml")));
        server.stubFor(query("DescribeListeners").withRequestBody(containing("orphan-nlb"))
                .willReturn(xml("elbv2/describe-listeners-empty.xml")));
        server.stubFor(query("DescribeTargetGroups").willReturn(xml("elbv2/describe-target-groups.xml")));
        server.stubFor(query("DescribeTargetHealth").willReturn(xml("elbv2/describe-target-health.xml")));
        server.stubFor(query("DescribeTags").withRequestBody(containing("Version=2015-12-01"))
                .willReturn(xml("elbv2/describe-tags.xml")));
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2012-06-01"))
                .willReturn(xml("elb/describe-load-balancers.xml")));
        server.stubFor(query("DescribeInstanceHealth").willReturn(xml("elb/describe-instance-health.xml")));
        server.stubFor(query("DescribeTags").withRequestBody(containing("Version=2012-06-01"))
                .willReturn(xml("elb/describe-tags.xml")));
    }

    @Test
    @DisplayName("DescribeLoadBalancers follows NextMarker across pages")
    void paginatesLoadBalancers() {
        stubRegion();

        assertThat(new LoadBalancerV2Reader(v2).loadBalancers())
                .extracting(lb -> lb.loadBalancerArn()).containsExactly(ALB, NLB);
        assertThat(ledger.calls("ElasticLoadBalancingV2", "DescribeLoadBalancers")).isEqualTo(2);
    }

    @Test
    @DisplayName("DescribeTags is sent 20 ARNs at a time (45 ARNs: 3 calls)")
    void tagsInBatchesOf20() {
        stubRegion();
        List<String> arns = IntStream.range(0, 45).mapToObj(i -> ALB + i).toList();

        new LoadBalancerV2Reader(v2).tags(arns);

        server.verify(exactly(3), postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeTags")));
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("ResourceArns.member.20="))
                .withRequestBody(notContaining("ResourceArns.member.21=")));
    }

    @Test
    @DisplayName("the region's load balancers of every type map to the model with listeners, target groups, health, tags")
    void mapsToModel() {
        stubRegion();
        FailureLog failures = new FailureLog("111122223333", "eu-west-1");

        var result = new LoadBalancerInventory(new LoadBalancerV2Reader(v2), new ClassicLoadBalancerReader(classic),
                new MetricDataFetcher(cloudWatch), new BoundedParallel(4))
                .collect("111122223333", "eu-west-1", Optional.empty(), failures);

        assertThat(failures.failures()).isEmpty();
        assertThat(result.loadBalancers()).extracting(LoadBalancer::name)
                .containsExactly("web-alb", "orphan-nlb", "legacy-clb");
        LoadBalancer alb = result.loadBalancers().get(0);
        assertThat(alb.type()).isEqualTo(LoadBalancerType.APPLICATION);
        assertThat(alb.listenerCount()).isEqualTo(2);
        assertThat(alb.targetGroupArns()).hasSize(1);
        assertThat(alb.tags()).containsEntry("team", "payments");
        LoadBalancer nlb = result.loadBalancers().get(1);
        assertThat(nlb.listenerCount()).isZero();
        assertThat(nlb.targetGroupArns()).isEmpty();
        assertThat(nlb.tags()).isEmpty();
        LoadBalancer clb = result.loadBalancers().get(2);
        assertThat(clb.type()).isEqualTo(LoadBalancerType.CLASSIC);
        assertThat(clb.arn()).isEqualTo(
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/legacy-clb");
        assertThat(clb.registeredInstances()).contains(new TargetHealthCount(2, 1));
        assertThat(clb.tags()).containsEntry("team", "legacy");
        // healthy + unhealthy count as registered; the draining (deregistering) target does not.
        assertThat(result.targetGroups()).singleElement()
                .satisfies(tg -> assertThat(tg.targets()).isEqualTo(new TargetHealthCount(2, 1)));
    }

    @Test
    @DisplayName("CloudWatch's LoadBalancer dimension is the ARN's app/name/id part")
    void dimension() {
        assertThat(LoadBalancerInventory.dimension(ALB)).isEqualTo("app/web-alb/50dc6c495c0c9188");
    }

    @Test
    @DisplayName("ELB v2 denied in one region is recorded while the Classic part of the same region still comes back")
    void partialFailure() {
        stubRegion();
        server.stubFor(inRegion(query("DescribeLoadBalancers").withRequestBody(containing("Version=2015-12-01")),
                "eu-west-1", "elasticloadbalancing").atPriority(1)
                .willReturn(WireMockAws.xmlError(403, "query/error-access-denied.xml")));
        FailureLog failures = new FailureLog("111122223333", "eu-west-1");

        var result = new LoadBalancerInventory(new LoadBalancerV2Reader(v2), new ClassicLoadBalancerReader(classic),
                new MetricDataFetcher(cloudWatch), new BoundedParallel(4))
                .collect("111122223333", "eu-west-1", Optional.empty(), failures);

        assertThat(result.loadBalancers()).extracting(LoadBalancer::name).containsExactly("legacy-clb");
        assertThat(failures.failures()).singleElement().satisfies(f -> {
            assertThat(f.service()).isEqualTo("ElasticLoadBalancingV2");
            assertThat(f.operation()).isEqualTo("DescribeLoadBalancers");
            assertThat(f.errorCode()).isEqualTo("AccessDenied");
        });
    }
}
