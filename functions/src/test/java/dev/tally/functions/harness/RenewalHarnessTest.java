package dev.tally.functions.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The harness's own mechanics on a small wiring chosen here (the construct's numbers are exercised by the fault test
 * in {@code constructs/}): HTTP in, API Gateway's refusals, the drain within its concurrency, the DLQ after
 * {@code maxReceiveCount}, one SMS per credit, the balance over HTTP.
 */
@ExtendWith(LocalPeersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Renewal harness: the pipeline on loopback HTTP and local peers")
class RenewalHarnessTest {
  private static final String SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
      + "\"required\":[\"customerId\"],\"properties\":{\"customerId\":{\"type\":\"string\",\"minLength\":3}}}";
  private static final PipelineWiring WIRING = new PipelineWiring(Duration.ofSeconds(2), 2, 10,
      Duration.ofMillis(200), 3, Duration.ofSeconds(5), 10);

  private final HttpClient http = HttpClient.newHttpClient();
  private RenewalHarness harness;

  @BeforeAll
  void start(LocalPeers peers) {
    harness = RenewalHarness.start(peers, WIRING, RenewalHarness.Options.defaults()
        .gates(RequestGate.of(SCHEMA, Set.of("Idempotency-Key")), RequestGate.none()));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("renewals posted over HTTP are credited once each, announced once each, and read back over HTTP")
  void drainsAndAnswers() throws Exception {
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> answer = post("key-" + i, "{\"customerId\":\"CUST-H1\",\"planId\":\"P1\",\"amount\":2.50}");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
    // A client retry with the same key: same renewal, no second credit.
    assertThat(post("key-0", "{\"customerId\":\"CUST-H1\",\"planId\":\"P1\",\"amount\":2.50}").statusCode())
        .isEqualTo(202);
    assertThat(harness.awaitDrained(Duration.ofSeconds(60))).isTrue();

    HttpResponse<String> balance = http.send(HttpRequest.newBuilder(harness.endpoint().resolve("/balance/CUST-H1"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(balance.statusCode()).isEqualTo(200);
    assertThat(balance.body()).contains("\"balance\":75.00");
    assertThat(harness.inbox().take()).hasSize(30);
    assertThat(harness.figures().peakConcurrentWorkers()).isBetween(1, WIRING.workerMaxConcurrency());
  }

  @Test
  @DisplayName("the request model and required header refuse before the function, as API Gateway does")
  void gateRefuses() throws Exception {
    HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(harness.endpoint().resolve("/renewals"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"CUST-H2\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).isEqualTo("{\"message\": \"Missing required request parameters: [Idempotency-Key]\"}");
    HttpResponse<String> badBody = post("key-x", "{\"customerId\":\"C\"}");
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(badBody.body()).isEqualTo("{\"message\": \"Invalid request body\"}");
    // Past the model (it only knows customerId), the handler's own validation answers.
    HttpResponse<String> handlerRefusal = post("key-y", "{\"customerId\":\"CUST-H2\"}");
    assertThat(handlerRefusal.statusCode()).isEqualTo(400);
    assertThat(handlerRefusal.body()).contains("\"field\"");
    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(harness.endpoint().resolve("/nope")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("a poison message is received maxReceiveCount times, then waits in the DLQ")
  void poisonToDeadLetterQueue() throws Exception {
    long before = harness.deadLetterDepth();
    harness.sqs().sendMessage(request -> request.queueUrl(harness.queueUrl()).messageBody("{\"not\":\"a renewal\"}"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (harness.deadLetterDepth() == before && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(harness.deadLetterDepth()).isEqualTo(before + 1);
    assertThat(harness.events().count("renewal.malformed")).isGreaterThanOrEqualTo(WIRING.maxReceiveCount());
  }

  private HttpResponse<String> post(String key, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(harness.endpoint() + "/renewals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
