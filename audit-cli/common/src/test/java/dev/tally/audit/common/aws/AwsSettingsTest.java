package dev.tally.audit.common.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

@DisplayName("AwsSettings builds SDK clients with endpoint, retry budget and call counting (STS over awsQuery)")
class AwsSettingsTest {
    private static final String IDENTITY = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::111122223333:user/auditor</Arn>
                <UserId>AIDAJQABLZS4A3QDU576Q</UserId>
                <Account>111122223333</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>""";
    private static final String THROTTLED = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>
              <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c8</RequestId>
            </ErrorResponse>""";

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private final ApiCallLedger ledger = new ApiCallLedger();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private AwsSettings settings(int attempts) {
        return new AwsSettings(Optional.empty(),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                ledger).withEndpoint(URI.create("http://localhost:" + server.port())).withMaxAttempts(attempts);
    }

    @Test
    @DisplayName("calls go to the endpoint override, signed for the region, and are counted once")
    void endpointAndLedger() {
        server.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(IDENTITY)));

        try (StsClient sts = settings(3).build(StsClient.builder(), Region.EU_WEST_1)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111122223333");
        }
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .withHeader("Authorization", containing("/eu-west-1/sts/aws4_request")));
        assertThat(ledger.calls("Sts", "GetCallerIdentity")).isEqualTo(1);
        assertThat(ledger.total()).isEqualTo(1);
        assertThat(ledger.metricsRequested()).isZero();
    }

    @Test
    @DisplayName("throttling is retried up to maxAttempts, then surfaces with its AWS error code")
    void retryBudget() {
        server.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(400).withBody(THROTTLED)));

        try (StsClient sts = settings(2).build(StsClient.builder(), Region.EU_WEST_1)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
        }
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/")));
        assertThat(ledger.calls("Sts", "GetCallerIdentity")).isEqualTo(1);
    }

    @Test
    @DisplayName("a retry budget below one attempt is refused")
    void rejectsZeroAttempts() {
        assertThatThrownBy(() -> AwsSettings.defaults(ledger).withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    @DisplayName("with no AWS usage the API cost is zero")
    void emptyCost() {
        ApiCallCost cost = ApiCallCost.of(ledger);
        assertThat(cost.totalUsd()).isEqualByComparingTo("0");
        assertThat(cost.costByService()).isEmpty();
        assertThat(cost.totalCalls()).isZero();
    }
}
