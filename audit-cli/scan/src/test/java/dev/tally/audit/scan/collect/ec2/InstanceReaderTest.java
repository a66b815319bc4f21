package dev.tally.audit.scan.collect.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.FailedCall;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

@DisplayName("EC2 DescribeInstances / DescribeRegions through the real SDK against EC2's query wire format")
class InstanceReaderTest {
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();
    private Ec2Client ec2;

    @BeforeEach
    void start() {
        server.start();
        ec2 = new ServiceClients(WireMockAws.settings(server, ledger, 3)).ec2("eu-west-1");
    }

    @AfterEach
    void stop() {
        ec2.close();
        server.stop();
    }

    private void stubTwoPages() {
        server.stubFor(query("DescribeInstances").withRequestBody(notContaining("NextToken="))
                .willReturn(xml("ec2/describe-instances-page1.xml")));
        server.stubFor(query("DescribeInstances")
                .withRequestBody(containing("NextToken=eyJ2IjoiMiIsImMiOiJwYWdlLTIifQ%3D%3D"))
                .willReturn(xml("ec2/describe-instances-page2.xml")));
    }

    @Test
    @DisplayName("follows nextToken across pages and reservations and returns every instance")
    void readsEveryPage() {
        stubTwoPages();

        List<Instance> instances = new InstanceReader(ec2).runningAndStopped();

        assertThat(instances).extracting(Instance::instanceId)
                .containsExactly("i-0aaa1111bbbb2222c", "i-0ccc3333dddd4444e", "i-0eee5555ffff6666a");
        assertThat(instances.get(1).state().name()).isEqualTo(InstanceStateName.STOPPED);
        assertThat(instances.get(0).launchTime()).isEqualTo(Instant.parse("2025-01-15T09:30:00Z"));
        assertThat(ledger.calls("Ec2", "DescribeInstances")).isEqualTo(2);
    }

    @Test
    @DisplayName("asks only for running and stopped instances, 1,000 per page")
    void filtersStatesAndPageSize() {
        stubTwoPages();

        new InstanceReader(ec2).runningAndStopped();

        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Filter.1.Name=instance-state-name"))
                .withRequestBody(containing("Filter.1.Value.1=running"))
                .withRequestBody(containing("Filter.1.Value.2=stopped"))
                .withRequestBody(containing("MaxResults=1000")));
    }

    @Test
    @DisplayName("maps instances to the model with ASG and EKS ownership from their tags")
    void mapsToModel() {
        stubTwoPages();
        List<Instance> instances = new InstanceReader(ec2).runningAndStopped();

        var asg = InstanceInventory.toModel(instances.get(0), "111122223333", "eu-west-1", java.util.Optional.empty());
        var eks = InstanceInventory.toModel(instances.get(1), "111122223333", "eu-west-1", java.util.Optional.empty());
        var spot = InstanceInventory.toModel(instances.get(2), "111122223333", "eu-west-1", java.util.Optional.empty());

        assertThat(asg.autoScalingGroup()).contains("web-asg");
        assertThat(asg.instanceType()).isEqualTo("m5.large");
        assertThat(asg.platform()).contains("Linux/UNIX");
        assertThat(eks.eksCluster()).contains("platform");
        assertThat(eks.tenancy()).isEqualTo("dedicated");
        assertThat(spot.spot()).isTrue();
        assertThat(spot.platform()).contains("Windows");
        assertThat(spot.tags()).isEmpty();
    }

    @Test
    @DisplayName("an UnauthorizedOperation comes out as a failure naming Ec2:DescribeInstances and the AWS code")
    void unauthorizedIsNamed() {
        server.stubFor(query("DescribeInstances").willReturn(xmlError(403, "ec2/error-unauthorized-operation.xml")));

        assertThatThrownBy(() -> new InstanceReader(ec2).runningAndStopped())
                .isInstanceOfSatisfying(FailedCall.class, failed -> {
                    var failure = failed.toFailure("111122223333", "eu-west-1");
                    assertThat(failure.service()).isEqualTo("Ec2");
                    assertThat(failure.operation()).isEqualTo("DescribeInstances");
                    assertThat(failure.errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(failure.message()).contains("not authorized");
                });
    }

    @Test
    @DisplayName("a RequestLimitExceeded is retried and the call counted once")
    void throttlingIsRetried() {
        server.stubFor(query("DescribeInstances").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xmlError(503, "ec2/error-request-limit-exceeded.xml")).willSetStateTo("recovered"));
        server.stubFor(query("DescribeInstances").inScenario("throttle").whenScenarioStateIs("recovered")
                .willReturn(xml("ec2/describe-instances-page2.xml")));

        List<Instance> instances = new InstanceReader(ec2).runningAndStopped();

        assertThat(instances).extracting(Instance::instanceId).containsExactly("i-0eee5555ffff6666a");
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/")));
        assertThat(ledger.calls("Ec2", "DescribeInstances")).isEqualTo(1);
    }

    @Test
    @DisplayName("throttling that outlasts the retry budget fails with the throttling code")
    void throttlingExhausted() {
        server.stubFor(query("DescribeInstances").willReturn(xmlError(503, "ec2/error-request-limit-exceeded.xml")));
        try (Ec2Client oneRetry = new ServiceClients(WireMockAws.settings(server, ledger, 2)).ec2("eu-west-1")) {
            assertThatThrownBy(() -> new InstanceReader(oneRetry).runningAndStopped())
                    .isInstanceOfSatisfying(FailedCall.class, failed -> assertThat(
                            failed.toFailure("111122223333", "eu-west-1").errorCode())
                            .isEqualTo("RequestLimitExceeded"));
        }
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    @DisplayName("--regions all resolves to the enabled regions DescribeRegions returns, sorted")
    void enabledRegions() {
        server.stubFor(query("DescribeRegions").willReturn(xml("ec2/describe-regions.xml")));

        assertThat(new RegionLister(ec2).enabledRegions()).containsExactly("af-south-1", "eu-west-1", "us-east-1");
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeRegions"))
                .withHeader("Authorization", containing("/eu-west-1/ec2/aws4_request"))
                .withRequestBody(containing("AllRegions=false")));
    }
}
