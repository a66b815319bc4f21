package dev.tally.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.Json;
import dev.tally.functions.support.ApiRequests;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalPeersExtension.class)
@DisplayName("Ingest: POST /renewals")
class RenewalIntakeTest {
  private static final Instant NOW = Instant.parse("2026-11-30T00:00:01Z");
  private static final String VALID_BODY = "{\"customerId\":\"CUST-10042\",\"planId\":\"FIBER-100\",\"amount\":25.00}";

  private final ObjectMapper json = Json.newMapper();
  private final SqsClient sqs;
  private final String queueUrl;
  private final CapturedLog log = new CapturedLog();
  private final RenewalIntake intake;

  RenewalIntakeTest(LocalPeers peers) {
    sqs = peers.sqs();
    queueUrl = sqs.createQueue(request -> request.queueName("ingest-" + UUID.randomUUID())).queueUrl();
    intake = new RenewalIntake(sqs, queueUrl, log.log(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("answers 202 with the renewal id and queues the renewal with that id as a message attribute")
  void accepts() throws Exception {
    APIGatewayProxyResponseEvent response = intake.accept(ApiRequests.postRenewal("key-1", VALID_BODY), "req-1");

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
    JsonNode body = json.readTree(response.getBody());
    String renewalId = body.get("renewalId").asText();
    assertThat(renewalId).isEqualTo(RenewalIds.derive("CUST-10042", "key-1"));
    assertThat(body.get("status").asText()).isEqualTo("accepted");

    List<Message> queued = receiveAll();
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0).messageAttributes().get("renewalId").stringValue()).isEqualTo(renewalId);
    JsonNode message = json.readTree(queued.get(0).body());
    assertThat(message.get("renewalId").asText()).isEqualTo(renewalId);
    assertThat(message.get("customerId").asText()).isEqualTo("CUST-10042");
    assertThat(message.get("planId").asText()).isEqualTo("FIBER-100");
    assertThat(message.get("amount").asText()).isEqualTo("25.00");
    assertThat(message.get("acceptedAt").asText()).isEqualTo(NOW.toString());
  }

  @Test
  @DisplayName("normalises the amount to two decimal places, from a number or a numeric string")
  void normalisesAmount() throws Exception {
    intake.accept(ApiRequests.postRenewal("key-a", VALID_BODY.replace("25.00", "25")), null);
    intake.accept(ApiRequests.postRenewal("key-b", VALID_BODY.replace("25.00", "\"7.5\"")), null);
    assertThat(receiveAll()).extracting(message -> json.readTree(message.body()).get("amount").asText())
        .containsExactlyInAnyOrder("25.00", "7.50");
  }

  @Test
  @DisplayName("answers a repeated request with the same renewal id (the worker then credits it once)")
  void duplicateKeySameId() throws Exception {
    String first = json.readTree(intake.accept(ApiRequests.postRenewal("key-dup", VALID_BODY), null).getBody())
        .get("renewalId").asText();
    String second = json.readTree(intake.accept(ApiRequests.postRenewal("key-dup", VALID_BODY), null).getBody())
        .get("renewalId").asText();
    assertThat(second).isEqualTo(first);
    assertThat(receiveAll()).extracting(message -> message.messageAttributes().get("renewalId").stringValue())
        .containsOnly(first);
  }

  @ParameterizedTest(name = "header spelled \"{0}\"")
  @ValueSource(strings = {"Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY", "iDeMpOtEnCy-KeY"})
  @DisplayName("reads the Idempotency-Key header in any letter case")
  void headerCaseInsensitive(String headerName) throws Exception {
    APIGatewayProxyResponseEvent response =
        intake.accept(ApiRequests.postRenewal(Map.of(headerName, "key-case"), VALID_BODY), null);
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(json.readTree(response.getBody()).get("renewalId").asText())
        .isEqualTo(RenewalIds.derive("CUST-10042", "key-case"));
  }

  @Test
  @DisplayName("reads the header from multiValueHeaders and a base64-encoded body")
  void multiValueHeadersAndBase64() {
    APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withMultiValueHeaders(Map.of("idempotency-key", List.of("key-mv")))
        .withBody(Base64.getEncoder().encodeToString(VALID_BODY.getBytes(StandardCharsets.UTF_8)))
        .withIsBase64Encoded(true);
    assertThat(intake.accept(request, null).getStatusCode()).isEqualTo(202);
  }

  @Test
  @DisplayName("refuses two different Idempotency-Key values in one request")
  void conflictingKeys() throws Exception {
    APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withMultiValueHeaders(Map.of("Idempotency-Key", List.of("key-1", "key-2")))
        .withBody(VALID_BODY);
    APIGatewayProxyResponseEvent response = intake.accept(request, null);
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json.readTree(response.getBody()).get("error").asText()).isEqualTo("invalid_header");
    assertThat(receiveAll()).isEmpty();
  }

  static Stream<Arguments> badRequests() {
    String ok = VALID_BODY;
    return Stream.of(
        Arguments.of("no Idempotency-Key header", Map.of("Content-Type", "application/json"), ok,
            "missing_header", "Idempotency-Key"),
        Arguments.of("blank Idempotency-Key", Map.of("Idempotency-Key", "  "), ok, "missing_header",
            "Idempotency-Key"),
        Arguments.of("Idempotency-Key with a space", Map.of("Idempotency-Key", "my key"), ok, "invalid_header",
            "Idempotency-Key"),
        Arguments.of("Idempotency-Key over 128 characters", Map.of("Idempotency-Key", "k".repeat(129)), ok,
            "invalid_header", "Idempotency-Key"),
        Arguments.of("empty body", key(), "", "malformed_json", null),
        Arguments.of("invalid JSON", key(), "{\"customerId\":", "malformed_json", null),
        Arguments.of("a JSON array", key(), "[1,2]", "malformed_json", null),
        Arguments.of("a body over 4096 characters", key(), ok.replace("}", ",\"pad\":\"" + "x".repeat(4100) + "\"}"),
            "malformed_json", null),
        Arguments.of("trailing garbage", key(), ok + "}", "malformed_json", null),
        Arguments.of("missing customerId", key(), "{\"planId\":\"FIBER-100\",\"amount\":25}", "missing_field",
            "customerId"),
        Arguments.of("customerId null", key(), "{\"customerId\":null,\"planId\":\"P\",\"amount\":25}",
            "missing_field", "customerId"),
        Arguments.of("customerId a number", key(), "{\"customerId\":10042,\"planId\":\"P\",\"amount\":25}",
            "invalid_field", "customerId"),
        Arguments.of("customerId too short", key(), ok.replace("CUST-10042", "C1"), "invalid_field", "customerId"),
        Arguments.of("customerId with '#'", key(), ok.replace("CUST-10042", "CUST#10042"), "invalid_field",
            "customerId"),
        Arguments.of("missing planId", key(), "{\"customerId\":\"CUST-1\",\"amount\":25}", "missing_field",
            "planId"),
        Arguments.of("planId with a space", key(), ok.replace("FIBER-100", "FIBER 100"), "invalid_field", "planId"),
        Arguments.of("missing amount", key(), "{\"customerId\":\"CUST-1\",\"planId\":\"P\"}", "missing_field",
            "amount"),
        Arguments.of("zero amount", key(), ok.replace("25.00", "0"), "invalid_field", "amount"),
        Arguments.of("negative amount", key(), ok.replace("25.00", "-5"), "invalid_field", "amount"),
        Arguments.of("three decimal places", key(), ok.replace("25.00", "25.001"), "invalid_field", "amount"),
        Arguments.of("amount over the maximum", key(), ok.replace("25.00", "100000.01"), "invalid_field", "amount"),
        Arguments.of("amount as words", key(), ok.replace("25.00", "\"twenty\""), "invalid_field", "amount"),
        Arguments.of("amount a boolean", key(), ok.replace("25.00", "true"), "invalid_field", "amount"),
        Arguments.of("an unknown field", key(), ok.replace("}", ",\"amout\":3}"), "unknown_field", "amout"),
        Arguments.of("a misspelt amount (named as the typo, not as a missing amount)", key(),
            ok.replace("\"amount\"", "\"amout\""), "unknown_field", "amout"));
  }

  private static Map<String, String> key() {
    return Map.of("Idempotency-Key", "key-bad");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  @DisplayName("answers 400 with {error, message, field} and queues nothing for")
  void rejects(String description, Map<String, String> headers, String body, String error, String field)
      throws Exception {
    APIGatewayProxyResponseEvent response = intake.accept(ApiRequests.postRenewal(headers, body), "req-bad");

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode answer = json.readTree(response.getBody());
    assertThat(answer.get("error").asText()).isEqualTo(error);
    assertThat(answer.get("field").isNull() ? null : answer.get("field").asText()).isEqualTo(field);
    assertThat(answer.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    if (field != null) {
      assertThat(answer.get("message").asText()).contains(field);
    }
    assertThat(receiveAll()).isEmpty();
    assertThat(log.linesFor("renewal.rejected")).singleElement().asString().contains("\"field\":");
  }

  @Test
  @DisplayName("answers 503 naming the retry when the queue cannot be reached, and logs the failure")
  void queueUnavailable() throws Exception {
    SqsClient unreachable = SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + closedPort()))
        .region(LocalPeers.REGION).credentialsProvider(LocalPeers.CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    RenewalIntake offline = new RenewalIntake(unreachable, queueUrl, log.log(), Clock.systemUTC());

    APIGatewayProxyResponseEvent response = offline.accept(ApiRequests.postRenewal("key-1", VALID_BODY), null);

    assertThat(response.getStatusCode()).isEqualTo(503);
    JsonNode answer = json.readTree(response.getBody());
    assertThat(answer.get("error").asText()).isEqualTo("unavailable");
    assertThat(answer.get("message").asText()).contains("same Idempotency-Key");
    assertThat(log.linesFor("renewal.enqueue_failed")).hasSize(1);
  }

  @Test
  @DisplayName("logs one JSON line per accepted renewal with ids only, never the amount or the key")
  void logsIdsOnly() throws Exception {
    intake.accept(ApiRequests.postRenewal("secret-key-9", VALID_BODY), "req-9");
    String line = log.linesFor("renewal.accepted").get(0);
    JsonNode parsed = json.readTree(line);
    assertThat(parsed.get("requestId").asText()).isEqualTo("req-9");
    assertThat(parsed.get("customerId").asText()).isEqualTo("CUST-10042");
    assertThat(line).doesNotContain("secret-key-9").doesNotContain("25.00");
  }

  private List<Message> receiveAll() {
    // Every message sent so far is visible at once in ElasticMQ; the queue-depth check guards against a short read.
    int depth = Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    if (depth == 0) {
      return List.of();
    }
    return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
        .messageAttributeNames("All")).messages();
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
