package dev.tally.functions.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.ingest.RenewalIntake;
import dev.tally.functions.support.CapturedLog;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The ingest probe the RenewalPipeline construct gives its pre-traffic hook ({@code LiveAliasDeployments.INGEST_PROBE},
 * copied verbatim below) is harmless: the real handler answers it 400 and never calls SQS. Were it ever to enqueue,
 * every deployment would put a bogus renewal on the production queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pre-traffic probe events: answered by the real handlers without side effects")
class ProbeEventsTest {

  /** Must equal {@code LiveAliasDeployments.INGEST_PROBE} in constructs/. */
  static final String INGEST_PROBE = "{\"resource\":\"/renewals\",\"path\":\"/renewals\",\"httpMethod\":\"POST\","
      + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false}";

  private final WireMockServer sqs = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeAll
  void start() {
    sqs.start();
  }

  @AfterAll
  void stop() {
    sqs.stop();
  }

  @Test
  @DisplayName("the ingest probe is rejected with 400 and sends nothing to SQS")
  void ingestProbeIsHarmless() throws Exception {
    SqsClient client = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + sqs.port()))
        .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
    IngestHandler handler = new IngestHandler(new RenewalIntake(client,
        "http://127.0.0.1:" + sqs.port() + "/111122223333/renewals", new CapturedLog().log(), Clock.systemUTC()));
    // The Lambda runtime maps the event's JSON onto the handler's event type by property name, as Jackson does here.
    APIGatewayProxyRequestEvent event = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(INGEST_PROBE, APIGatewayProxyRequestEvent.class);
    APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(sqs.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
