package dev.tally.audit.scan.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.inRegion;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json11;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xmlError;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Stubs a whole organisation for a full scan: two active accounts reached through AssumeRole, three enabled regions
 * of which af-south-1 denies everything (as a region the role may not use does), buckets with every S3 answer, and
 * the Price List API. Every body comes from {@code wire/}.
 */
public final class FullScanFixture {
    public static final String DENIED_REGION = "af-south-1";

    private FullScanFixture() {
    }

    /** Registers every stub of the organisation on {@code server}; bodies come from {@code wire/}. */
    public static void stub(WireMockServer server) {
        server.stubFor(query("GetCallerIdentity").willReturn(xml("sts/get-caller-identity.xml")));
        server.stubFor(query("AssumeRole").willReturn(xml("sts/assume-role.xml")));
        server.stubFor(json("AWSOrganizationsV20161128.ListAccounts").withRequestBody(notContaining("NextToken"))
                .willReturn(json11("organizations/list-accounts-page1.json")));
        server.stubFor(json("AWSOrganizationsV20161128.ListAccounts").withRequestBody(containing("NextToken"))
                .willReturn(json11("organizations/list-accounts-page2.json")));
        server.stubFor(query("DescribeRegions").willReturn(xml("ec2/describe-regions.xml")));
        server.stubFor(query("DescribeInstances").withRequestBody(notContaining("NextToken="))
                .willReturn(xml("ec2/describe-instances-page1.xml")));
        server.stubFor(query("DescribeInstances").withRequestBody(containing("NextToken="))
                .willReturn(xml("ec2/describe-instances-page2.xml")));
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2015-12-01"))
                .withRequestBody(notContaining("Marker=")).willReturn(xml("elbv2/describe-load-balancers-page1.xml")));
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2015-12-01"))
                .withRequestBody(containing("Marker=")).willReturn(xml("elbv2/describe-load-balancers-page2.xml")));
        server.stubFor(query("DescribeListeners").willReturn(xml("elbv2/describe-listeners.xml")));
        server.stubFor(query("DescribeTargetGroups").willReturn(xml("elbv2/describe-target-groups.xml")));
        server.stubFor(query("DescribeTargetHealth").willReturn(xml("elbv2/describe-target-health.xml")));
        server.stubFor(query("DescribeTags").withRequestBody(containing("Version=2015-12-01"))
                .willReturn(xml("elbv2/describe-tags.xml")));
        server.stubFor(query("DescribeLoadBalancers").withRequestBody(containing("Version=2012-06-01"))
                .willReturn(xml("elb/describe-load-balancers.xml")));
        server.stubFor(query("DescribeInstanceHealth").willReturn(xml("elb/describe-instance-health.xml")));
        server.stubFor(query("DescribeTags").withRequestBody(containing("Version=2012-06-01"))
                .willReturn(xml("elb/describe-tags.xml")));
        server.stubFor(query("GetMetricData").willReturn(aResponse()
                .withTransformers(dev.tally.audit.scan.collect.wire.GetMetricDataTransformer.NAME)));
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources")
                .withRequestBody(notContaining("PaginationToken")).willReturn(json11("tagging/get-resources-page1.json")));
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources")
                .withRequestBody(containing("PaginationToken")).willReturn(json11("tagging/get-resources-page2.json")));

        server.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .willReturn(xml("s3control/get-public-access-block.xml")));
        server.stubFor(get(urlPathEqualTo("/")).withQueryParam("continuation-token", absent())
                .willReturn(xml("s3/list-buckets-page1.xml")));
        server.stubFor(get(urlPathEqualTo("/")).withQueryParam("continuation-token", equalTo("Y29udGludWF0aW9uLXBhZ2UtMg=="))
                .willReturn(xml("s3/list-buckets-page2.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?publicAccessBlock")).willReturn(xml("s3/get-public-access-block-off.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?policyStatus")).willReturn(xml("s3/get-bucket-policy-status-public.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?acl")).willReturn(xml("s3/get-bucket-acl-public-read.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?tagging")).willReturn(xml("s3/get-bucket-tagging.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?publicAccessBlock"))
                .willReturn(xmlError(404, "s3/error-no-such-public-access-block.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?policyStatus")).willReturn(xmlError(404, "s3/error-no-such-bucket-policy.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?acl")).willReturn(xml("s3/get-bucket-acl-public-read.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?tagging")).willReturn(xmlError(404, "s3/error-no-such-tag-set.xml")));

        server.stubFor(json("AWSPriceListService.GetProducts")
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
                .withRequestBody(notContaining("NextToken")).willReturn(json11("pricing/get-products-ec2-page1.json")));
        server.stubFor(json("AWSPriceListService.GetProducts")
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
                .withRequestBody(containing("NextToken")).willReturn(json11("pricing/get-products-ec2-page2.json")));
        server.stubFor(json("AWSPriceListService.GetProducts")
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AWSELB")))
                .willReturn(json11("pricing/get-products-elb.json")));

        // The denied region answers every service with its own protocol's AccessDenied.
        server.stubFor(inRegion(any(anyUrl()), DENIED_REGION, "ec2").atPriority(1)
                .willReturn(xmlError(403, "ec2/error-unauthorized-operation.xml")));
        server.stubFor(inRegion(any(anyUrl()), DENIED_REGION, "elasticloadbalancing").atPriority(1)
                .willReturn(xmlError(403, "query/error-access-denied.xml")));
        server.stubFor(inRegion(any(anyUrl()), DENIED_REGION, "tagging").atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(dev.tally.audit.scan.collect.wire.WireMockAws.BODIES
                                .body("tagging/error-access-denied.json"))));
    }
}
