package dev.tally.functions.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.support.CapturedLog;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The hook through the real SDK clients against WireMock speaking each service's wire format: Lambda's REST-JSON
 * {@code Invoke} (payload in the body, {@code X-Amz-Function-Error} for a failed function) and CodeDeploy's JSON 1.1
 * {@code PutLifecycleEventHookExecutionStatus} ({@code X-Amz-Target} header).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pre-traffic hook: probes the new version once and reports the verdict to CodeDeploy")
class PreTrafficProbeTest {

  private static final String VERSION_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:tally-ingest:7";
  private static final String PROBE = "{\"httpMethod\":\"POST\",\"path\":\"/renewals\",\"body\":\"{}\"}";
  private static final String REPORT_TARGET = "CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus";
  private static final HookEvent EVENT = new HookEvent("d-ABCDEF123", "exec-token-1");

  private final WireMockServer aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private LambdaClient lambda;
  private CodeDeployClient codeDeploy;

  @BeforeAll
  void start() {
    aws.start();
    URI endpoint = URI.create("http://127.0.0.1:" + aws.port());
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    codeDeploy = CodeDeployClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  void stop() {
    aws.stop();
  }

  @BeforeEach
  void reset() {
    aws.resetAll();
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(REPORT_TARGET))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"lifecycleEventHookExecutionId\":\"exec-token-1\"}")));
  }

  private void newVersionAnswers(int httpStatus, String body, String functionError) {
    var response = aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
        .withHeader("X-Amz-Executed-Version", "7").withBody(body);
    if (functionError != null) {
      response = response.withHeader("X-Amz-Function-Error", functionError);
    }
    aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.+/invocations")).willReturn(response));
  }

  private PreTrafficProbe.Verdict probe(CapturedLog log) {
    return new PreTrafficProbe(lambda, codeDeploy, new ProbeSettings(VERSION_ARN, PROBE, Set.of(400)), log.log())
        .run(EVENT);
  }

  private String reportedStatus() {
    List<LoggedRequest> reports = aws.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(REPORT_TARGET)));
    assertThat(reports).hasSize(1);
    String body = reports.get(0).getBodyAsString();
    assertThat(body).contains("\"deploymentId\":\"d-ABCDEF123\"", "\"lifecycleEventHookExecutionId\":\"exec-token-1\"");
    return body.replaceAll(".*\"status\":\"([A-Za-z]+)\".*", "$1");
  }

  @Test
  @DisplayName("an expected answer reports Succeeded")
  void expectedAnswerSucceeds() {
    newVersionAnswers(200, "{\"statusCode\":400,\"body\":\"{\\\"error\\\":\\\"invalid_field\\\"}\"}", null);
    PreTrafficProbe.Verdict verdict = probe(new CapturedLog());
    assertThat(verdict.passed()).isTrue();
    assertThat(reportedStatus()).isEqualTo("Succeeded");
  }

  @Test
  @DisplayName("the probe invokes exactly the new version, synchronously, with the probe event as payload")
  void invokesTheNewVersionWithTheProbe() {
    newVersionAnswers(200, "{\"statusCode\":400}", null);
    probe(new CapturedLog());
    List<LoggedRequest> invokes = aws.findAll(postRequestedFor(urlPathMatching("/2015-03-31/functions/.+/invocations")));
    assertThat(invokes).hasSize(1);
    assertThat(URLDecoder.decode(invokes.get(0).getUrl(), StandardCharsets.UTF_8)).contains(VERSION_ARN);
    assertThat(invokes.get(0).getHeader("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
    assertThat(invokes.get(0).getBodyAsString()).isEqualTo(PROBE);
  }

  @Test
  @DisplayName("an unexpected status code reports Failed and says what came back")
  void unexpectedStatusFails() {
    newVersionAnswers(200, "{\"statusCode\":503}", null);
    CapturedLog log = new CapturedLog();
    PreTrafficProbe.Verdict verdict = probe(log);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reason()).contains("answered 503", "[400]");
    assertThat(reportedStatus()).isEqualTo("Failed");
    assertThat(log.linesFor("deploy.probe_failed")).hasSize(1);
  }

  @Test
  @DisplayName("a function error of the new version (X-Amz-Function-Error) reports Failed")
  void functionErrorFails() {
    newVersionAnswers(200, "{\"errorMessage\":\"QUEUE_URL is not set\",\"errorType\":\"IllegalStateException\"}",
        "Unhandled");
    PreTrafficProbe.Verdict verdict = probe(new CapturedLog());
    assertThat(verdict.reason()).contains("Unhandled", "QUEUE_URL is not set");
    assertThat(reportedStatus()).isEqualTo("Failed");
  }

  @Test
  @DisplayName("an answer without a statusCode reports Failed")
  void answerWithoutStatusFails() {
    newVersionAnswers(200, "\"hello\"", null);
    assertThat(probe(new CapturedLog()).reason()).contains("no statusCode");
    assertThat(reportedStatus()).isEqualTo("Failed");
  }

  @Test
  @DisplayName("a version Lambda cannot invoke (ResourceNotFoundException) still gets a Failed report")
  void invokeErrorStillReports() {
    aws.stubFor(post(urlPathMatching("/2015-03-31/functions/.+/invocations")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
        .withBody("{\"Type\":\"User\",\"Message\":\"Function not found: " + VERSION_ARN + "\"}")));
    PreTrafficProbe.Verdict verdict = probe(new CapturedLog());
    assertThat(verdict.reason()).contains("could not be invoked", "Function not found");
    assertThat(reportedStatus()).isEqualTo("Failed");
  }

  @Test
  @DisplayName("when the verdict cannot be reported the hook throws, so Lambda retries it")
  void reportFailureThrows() {
    newVersionAnswers(200, "{\"statusCode\":400}", null);
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(REPORT_TARGET))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"LifecycleEventAlreadyCompletedException\",\"message\":\"already completed\"}")));
    assertThatThrownBy(() -> probe(new CapturedLog())).isInstanceOf(SdkException.class)
        .hasMessageContaining("already completed");
  }

  @Test
  @DisplayName("the handler wired from its environment returns the status it reported")
  void handlerFromEnvironment() {
    newVersionAnswers(200, "{\"statusCode\":404}", null);
    PreTrafficProbe probe = new PreTrafficProbe(lambda, codeDeploy, ProbeSettings.from(LambdaEnvironment.of(Map.of(
        ProbeSettings.TARGET_VERSION_ARN, VERSION_ARN,
        ProbeSettings.PROBE_EVENT, PROBE,
        ProbeSettings.EXPECTED_STATUS_CODES, "200, 404"))), new CapturedLog().log());
    assertThat(new PreTrafficHookHandler(probe).handleRequest(
        Map.of("DeploymentId", "d-ABCDEF123", "LifecycleEventHookExecutionId", "exec-token-1"), null))
        .isEqualTo("Succeeded");
    aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
        "{\"deploymentId\":\"d-ABCDEF123\",\"lifecycleEventHookExecutionId\":\"exec-token-1\",\"status\":\"Succeeded\"}")));
  }

  @Test
  @DisplayName("settings: each missing or malformed variable is named")
  void settingsNameTheProblem() {
    assertThatThrownBy(() -> new PreTrafficHookHandler(LambdaEnvironment.of(Map.of())))
        .hasMessageContaining(ProbeSettings.TARGET_VERSION_ARN);
    assertThatThrownBy(() -> ProbeSettings.from(LambdaEnvironment.of(Map.of(
        ProbeSettings.TARGET_VERSION_ARN, VERSION_ARN, ProbeSettings.PROBE_EVENT, PROBE,
        ProbeSettings.EXPECTED_STATUS_CODES, "200,ok"))))
        .hasMessageContaining("EXPECTED_STATUS_CODES must list HTTP status codes").hasMessageContaining("200,ok");
  }

  @Test
  @DisplayName("an event that is not CodeDeploy's is refused, naming the missing field")
  void foreignEventRefused() {
    assertThatThrownBy(() -> HookEvent.from(Map.of("DeploymentId", "d-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LifecycleEventHookExecutionId");
  }
}
