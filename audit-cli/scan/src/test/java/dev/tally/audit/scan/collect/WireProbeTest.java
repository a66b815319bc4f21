package dev.tally.audit.scan.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;

class WireProbeTest {
    @Test
    void probe() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        AwsSettings s = new AwsSettings(Optional.empty(), Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("a","b"))), new ApiCallLedger())
                .withEndpoint(URI.create("http://localhost:" + server.port())).withMaxAttempts(1);
        try (CloudWatchClient cw = s.build(CloudWatchClient.builder(), Region.US_EAST_1)) {
            cw.getMetricData(r -> r.startTime(Instant.EPOCH).endTime(Instant.EPOCH.plusSeconds(86400)).metricDataQueries(q -> q.id("q0").metricStat(m -> m.stat("Sum").period(86400).metric(x -> x.namespace("AWS/EC2").metricName("CPUUtilization").dimensions(d -> d.name("InstanceId").value("i-1"))))));
        } catch (Exception e) { System.out.println("CW: " + e); }
        try (S3ControlClient c = s.build(S3ControlClient.builder(), Region.US_EAST_1)) {
            c.getPublicAccessBlock(r -> r.accountId("123456789012"));
        } catch (Exception e) { System.out.println("S3C: " + e); }
        server.getAllServeEvents().forEach(e -> System.out.println("REQ " + e.getRequest().getMethod() + " " + e.getRequest().getAbsoluteUrl() + "\n" + e.getRequest().getHeaders() + "\n" + e.getRequest().getBodyAsString()));
        server.stop();
    }
}
