package dev.tally.audit.scan.collect.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.BoundedParallel;
import dev.tally.audit.scan.collect.FailureLog;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.model.AclGrant;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.PolicyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

@DisplayName("S3 and S3 Control through the real SDK against S3's REST XML wire format")
class BucketReadersTest {
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();
    private ServiceClients serviceClients;

    @BeforeEach
    void start() {
        server.start();
        serviceClients = new ServiceClients(WireMockAws.settings(server, ledger, 3));
    }

    @AfterEach
    void stop() {
        clients.values().forEach(S3Client::close);
        server.stop();
    }

    private S3Client s3(String region) {
        return clients.computeIfAbsent(region, serviceClients::s3);
    }

    private void stubAccount() {
        server.stubFor(get(urlPathEqualTo("/")).withQueryParam("max-buckets", equalTo("1000"))
                .withQueryParam("continuation-token", absent()).willReturn(xml("s3/list-buckets-page1.xml")));
        server.stubFor(get(urlPathEqualTo("/"))
                .withQueryParam("continuation-token", equalTo("Y29udGludWF0aW9uLXBhZ2UtMg=="))
                .willReturn(xml("s3/list-buckets-page2.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?publicAccessBlock"))
                .willReturn(xml("s3/get-public-access-block-off.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?policyStatus"))
                .willReturn(xml("s3/get-bucket-policy-status-public.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?acl")).willReturn(xml("s3/get-bucket-acl-public-read.xml")));
        server.stubFor(get(urlEqualTo("/public-assets?tagging")).willReturn(xml("s3/get-bucket-tagging.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?publicAccessBlock"))
                .willReturn(xmlError(404, "s3/error-no-such-public-access-block.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?policyStatus"))
                .willReturn(xmlError(404, "s3/error-no-such-bucket-policy.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?acl")).willReturn(xmlError(403, "s3/error-access-denied.xml")));
        server.stubFor(get(urlEqualTo("/private-logs?tagging")).willReturn(xmlError(404, "s3/error-no-such-tag-set.xml")));
    }

    @Test
    @DisplayName("ListBuckets pages by continuation token and returns each bucket's region")
    void listsEveryPage() {
        stubAccount();

        var buckets = new BucketReader(s3("us-east-1")).buckets();

        assertThat(buckets).extracting(b -> b.name() + "@" + b.bucketRegion())
                .containsExactly("public-assets@eu-west-1", "private-logs@us-east-1");
        assertThat(buckets.get(0).creationDate()).isEqualTo(Instant.parse("2021-03-04T10:11:12Z"));
        assertThat(ledger.calls("S3", "ListBuckets")).isEqualTo(2);
    }

    @Test
    @DisplayName("'not configured' errors read as empty: NoSuchPublicAccessBlockConfiguration, NoSuchBucketPolicy, NoSuchTagSet")
    void notConfiguredIsEmpty() {
        stubAccount();
        BucketReader reader = new BucketReader(s3("us-east-1"));

        assertThat(reader.publicAccessBlock("private-logs")).isEmpty();
        assertThat(reader.policyIsPublic("private-logs")).isEmpty();
        assertThat(reader.tags("private-logs")).isEmpty();
    }

    @Test
    @DisplayName("every bucket maps to the model; a denied ACL leaves that bucket's grants empty and is recorded")
    void inventory() {
        stubAccount();
        FailureLog failures = new FailureLog("111122223333", "global");

        List<Bucket> buckets = new BucketInventory(new BucketReader(s3("us-east-1")),
                region -> new BucketReader(s3(region)), new BoundedParallel(4))
                .collect("111122223333", "us-east-1", failures).orElseThrow();

        Bucket exposed = buckets.get(0);
        assertThat(exposed.region()).isEqualTo("eu-west-1");
        assertThat(exposed.blockPublicAccess()).contains(new BlockPublicAccess(false, false, true, false));
        assertThat(exposed.policyStatus()).isEqualTo(PolicyStatus.PUBLIC);
        assertThat(exposed.aclGrants()).filteredOn(AclGrant::isPublic).singleElement()
                .satisfies(g -> assertThat(g.permission()).isEqualTo("READ"));
        assertThat(exposed.tags()).containsEntry("cost-center", "cc-42");
        Bucket quiet = buckets.get(1);
        assertThat(quiet.blockPublicAccess()).isEmpty();
        assertThat(quiet.policyStatus()).isEqualTo(PolicyStatus.NO_POLICY);
        assertThat(quiet.aclGrants()).isEmpty();
        assertThat(quiet.tags()).isEmpty();
        assertThat(failures.failures()).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("GetBucketAcl");
            assertThat(f.errorCode()).isEqualTo("AccessDenied");
        });
        // Per-bucket calls are signed for the bucket's own region, as S3 requires.
        server.verify(getRequestedFor(urlEqualTo("/public-assets?acl"))
                .withHeader("Authorization", containing("/eu-west-1/s3/aws4_request")));
        server.verify(getRequestedFor(urlEqualTo("/private-logs?acl"))
                .withHeader("Authorization", containing("/us-east-1/s3/aws4_request")));
    }

    @Test
    @DisplayName("account-level Block Public Access comes from S3 Control with the account id header")
    void accountLevel() {
        server.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo("111122223333"))
                .willReturn(xml("s3control/get-public-access-block.xml")));

        try (S3ControlClient control = serviceClients.s3Control("us-east-1")) {
            var block = new AccountPublicAccessBlockReader(control).accountPublicAccessBlock("111122223333");
            assertThat(block.map(BucketInventory::toModel)).contains(new BlockPublicAccess(true, true, false, false));
        }
        assertThat(ledger.calls("S3Control", "GetPublicAccessBlock")).isEqualTo(1);
    }

    @Test
    @DisplayName("an account without Block Public Access reads as not configured")
    void accountLevelNotConfigured() {
        server.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .willReturn(xmlError(404, "s3control/error-no-such-public-access-block.xml")));

        try (S3ControlClient control = serviceClients.s3Control("us-east-1")) {
            assertThat(new AccountPublicAccessBlockReader(control).accountPublicAccessBlock("111122223333")).isEmpty();
        }
    }
}
