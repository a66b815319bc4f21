package dev.tally.audit.scan.collect.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * WireMock speaking AWS's wire protocols to the real SDK clients: request matchers for each protocol (awsQuery form
 * posts by {@code Action}, JSON 1.1 by {@code X-Amz-Target}, REST paths for S3) and responses from the recorded
 * shapes under {@code wire/}. The region a request was signed for is in its {@code Authorization} header's scope, so
 * {@link #inRegion} tells regions apart behind one endpoint.
 */
public final class WireMockAws {
    public static final WireBodies BODIES = new WireBodies();

    private WireMockAws() {
    }

    /** A server on a free loopback port (call {@code start()} and {@code stop()}). */
    public static WireMockServer server(Extension... extensions) {
        return new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .extensions(extensions));
    }

    /** Settings whose every client goes to {@code server}, with fixed test credentials and the given retry budget. */
    public static AwsSettings settings(WireMockServer server, ApiCallLedger ledger, int maxAttempts) {
        return new AwsSettings(Optional.empty(),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                ledger)
                .withEndpoint(URI.create("http://localhost:" + server.port()))
                .withMaxAttempts(maxAttempts);
    }

    /** An awsQuery call (EC2, ELB, CloudWatch, STS): a form POST whose {@code Action} is {@code action}. */
    public static MappingBuilder query(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    /** A JSON 1.1 call (Tagging, Organizations, Pricing), told apart by {@code X-Amz-Target}. */
    public static MappingBuilder json(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** Restricts a matcher to requests signed for {@code region} and the signing name {@code signingName}. */
    public static MappingBuilder inRegion(MappingBuilder mapping, String region, String signingName) {
        return mapping.withHeader("Authorization", containing("/" + region + "/" + signingName + "/aws4_request"));
    }

    public static ResponseDefinitionBuilder xml(String path) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(BODIES.body(path));
    }

    public static ResponseDefinitionBuilder xmlError(int status, String path) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(BODIES.body(path));
    }

    public static ResponseDefinitionBuilder json11(String path) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(BODIES.body(path));
    }
}
