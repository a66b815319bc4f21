package dev.tally.audit.scan.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.collect.ec2.RegionLister;
import dev.tally.audit.scan.collect.s3.AccountPublicAccessBlockReader;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * How users point the CLI elsewhere: SDK 2.40.2 reads {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (system properties {@code aws.endpointUrl} / {@code aws.endpointUrl<ServiceId>}, checked first) and
 * {@code endpoint_url} in the profile. Environment variables cannot be set inside a JVM, so these tests use the
 * system properties the SDK reads through the same setting (SdkSystemSetting: property, then variable).
 */
@DisplayName("Endpoints come from the standard AWS configuration, without endpointOverride")
class EndpointConfigurationTest {
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(query("DescribeRegions").willReturn(xml("ec2/describe-regions.xml")));
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlEc2");
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        server.stop();
    }

    private AwsSettings staticCredentials() {
        return new AwsSettings(Optional.empty(),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                ledger);
    }

    private String local() {
        return "http://localhost:" + server.port();
    }

    @Test
    @DisplayName("AWS_ENDPOINT_URL_EC2 (aws.endpointUrlEc2) sends EC2 calls to that endpoint")
    void serviceSpecific() {
        System.setProperty("aws.endpointUrlEc2", local());

        try (Ec2Client ec2 = new ServiceClients(staticCredentials()).ec2("eu-west-1")) {
            assertThat(new RegionLister(ec2).enabledRegions()).contains("eu-west-1");
        }
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeRegions")));
    }

    @Test
    @DisplayName("AWS_ENDPOINT_URL (aws.endpointUrl) sends every service there, and S3 switches to path style")
    void global() {
        System.setProperty("aws.endpointUrl", local());

        try (Ec2Client ec2 = new ServiceClients(staticCredentials()).ec2("eu-west-1")) {
            assertThat(new RegionLister(ec2).enabledRegions()).hasSize(3);
        }
        assertThat(staticCredentials().endpointRedirected("S3", "S3")).isTrue();
    }

    /**
     * A local peer is as often given by address as by name ({@code AWS_ENDPOINT_URL=http://127.0.0.1:5000}). S3
     * Control's rules prefix the account id to the host, which in front of an address makes no host at all: this
     * call used to fail with "NullPointerException: host must not be null" (every account's S3 part of a scan).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    @DisplayName("AWS_ENDPOINT_URL with a host name or an IP address: S3 Control reaches it without the account prefix")
    void s3ControlByNameOrAddress(String host) {
        server.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .willReturn(xml("s3control/get-public-access-block.xml")));
        System.setProperty("aws.endpointUrl", "http://" + host + ":" + server.port());

        try (S3ControlClient control = new ServiceClients(staticCredentials()).s3Control("eu-west-1")) {
            assertThat(new AccountPublicAccessBlockReader(control).accountPublicAccessBlock("123456789012"))
                    .hasValueSatisfying(block -> assertThat(block.blockPublicAcls()).isNotNull());
        }
        server.verify(getRequestedFor(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo("123456789012")));
    }

    @Test
    @DisplayName("--profile reads endpoint_url from that profile (services section) as well as its credentials")
    void profileEndpoint(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile tally-local]
                aws_access_key_id = AKIDPROFILE
                aws_secret_access_key = secret
                services = local-peers

                [services local-peers]
                ec2 =
                  endpoint_url = %s
                """.formatted(local()));
        Files.writeString(dir.resolve("credentials"), "");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());

        try (Ec2Client ec2 = new ServiceClients(AwsSettings.forProfile("tally-local", ledger)).ec2("eu-west-1")) {
            assertThat(new RegionLister(ec2).enabledRegions()).contains("us-east-1");
        }
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("Credential=AKIDPROFILE/")));
    }

    @Test
    @DisplayName("without any endpoint setting, S3 keeps virtual-hosted addressing")
    void notRedirected() {
        assertThat(staticCredentials().endpointRedirected("S3", "S3"))
                .isEqualTo(System.getenv("AWS_ENDPOINT_URL") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null);
    }
}
