package dev.tally.audit.scan.collect.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json11;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pricing.PricingClient;

@DisplayName("Price list refresh through the real SDK against the Price List API's JSON 1.1 (JSON-in-JSON) format")
class PriceListFetcherTest {
    private static final String TARGET = "AWSPriceListService.GetProducts";
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();
    private PricingClient pricing;

    @BeforeEach
    void start() {
        server.start();
        pricing = new ServiceClients(WireMockAws.settings(server, ledger, 2)).pricing();
        server.stubFor(json(TARGET).withRequestBody(matchingJsonPath("$.ServiceCode", containing("AmazonEC2")))
                .withRequestBody(notContaining("NextToken")).willReturn(json11("pricing/get-products-ec2-page1.json")));
        server.stubFor(json(TARGET).withRequestBody(matchingJsonPath("$.ServiceCode", containing("AmazonEC2")))
                .withRequestBody(containing("\"NextToken\":\"Bvm9iXOmOuQ+Zu4bApWvOA==:"))
                .willReturn(json11("pricing/get-products-ec2-page2.json")));
        server.stubFor(json(TARGET).withRequestBody(matchingJsonPath("$.ServiceCode", containing("AWSELB")))
                .willReturn(json11("pricing/get-products-elb.json")));
    }

    @AfterEach
    void stop() {
        pricing.close();
        server.stop();
    }

    @Test
    @DisplayName("reads every page of Linux/Shared/No License/Used EC2 prices and the ELB hourly and capacity prices")
    void fetchesEntries() {
        List<PriceEntry> entries = new PriceListFetcher(pricing).fetch(Set.of("eu-west-1"));

        assertThat(entries).containsExactlyInAnyOrder(
                new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "m5.large", new BigDecimal("0.107")),
                new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "t3.micro", new BigDecimal("0.0114")),
                new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "c6g.xlarge", new BigDecimal("0.1544")),
                new PriceEntry(PriceKind.LOAD_BALANCER_HOUR, "eu-west-1", "application", new BigDecimal("0.0252")),
                new PriceEntry(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, "eu-west-1", "application",
                        new BigDecimal("0.008")),
                new PriceEntry(PriceKind.LOAD_BALANCER_HOUR, "eu-west-1", "network", new BigDecimal("0.0252")),
                new PriceEntry(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, "eu-west-1", "network",
                        new BigDecimal("0.006")),
                new PriceEntry(PriceKind.LOAD_BALANCER_HOUR, "eu-west-1", "classic", new BigDecimal("0.028")),
                new PriceEntry(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, "eu-west-1", "classic",
                        new BigDecimal("0.008")));
        assertThat(ledger.calls("Pricing", "GetProducts")).isEqualTo(3);
    }

    @Test
    @DisplayName("asks us-east-1 with TERM_MATCH filters for the region and the on-demand Linux configuration")
    void sendsFilters() {
        new PriceListFetcher(pricing).fetch(Set.of("eu-west-1"));

        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/us-east-1/pricing/aws4_request"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'regionCode' && @.Value == 'eu-west-1')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'capacitystatus' && @.Value == 'Used')]"))
                .withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == 'licenseModel' && @.Value == 'No License required')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'tenancy' && @.Type == 'TERM_MATCH')]")));
    }
}
