package dev.tally.audit.scan.collect.tagging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json11;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

@DisplayName("Resource Groups Tagging GetResources through the real SDK against its JSON 1.1 wire format")
class TaggedResourceReaderTest {
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();
    private ResourceGroupsTaggingApiClient tagging;

    @BeforeEach
    void start() {
        server.start();
        tagging = new ServiceClients(WireMockAws.settings(server, ledger, 2)).tagging("eu-west-1");
    }

    @AfterEach
    void stop() {
        tagging.close();
        server.stop();
    }

    @Test
    @DisplayName("follows PaginationToken until it comes back empty and returns every resource")
    void allPages() {
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources")
                .withRequestBody(notContaining("PaginationToken")).willReturn(json11("tagging/get-resources-page1.json")));
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources")
                .withRequestBody(containing("\"PaginationToken\":\"eyJwYWdlIjoyfQ==\""))
                .willReturn(json11("tagging/get-resources-page2.json")));

        var resources = new TaggedResourceReader(tagging).resources();

        assertThat(resources).extracting(ResourceTagMapping::resourceARN).containsExactly(
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-0aaa1111bbbb2222c",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web-alb/50dc6c495c0c9188",
                "arn:aws:lambda:eu-west-1:111122223333:function:renewal-worker");
        assertThat(resources.get(2).tags()).isEmpty();
        assertThat(ledger.calls("ResourceGroupsTaggingApi", "GetResources")).isEqualTo(2);
    }
}
