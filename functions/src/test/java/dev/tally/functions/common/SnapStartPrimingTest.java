package dev.tally.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.worker.WorkerHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks of the three SnapStart functions: each handler built the way the runtime builds it registers
 * one, and running it (as Lambda does before the snapshot) exercises the request path without sending anything:
 * every client points at a closed loopback port, so any request would fail the test.
 */
@DisplayName("SnapStart priming")
class SnapStartPrimingTest {
  private static final Map<String, String> previous = new HashMap<>();

  @BeforeAll
  static void pointClientsNowhere() {
    for (String name : List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrl")) {
      previous.put(name, System.getProperty(name));
    }
    System.setProperty("aws.region", "eu-west-1");
    System.setProperty("aws.accessKeyId", "priming");
    System.setProperty("aws.secretAccessKey", "priming");
    // Port 9 (discard) on loopback: nothing listens, so a request would be refused.
    System.setProperty("aws.endpointUrl", "http://127.0.0.1:9");
  }

  @AfterAll
  static void restore() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  @DisplayName("ingest, worker and notifier register a hook that primes without sending anything")
  void handlersPrime() {
    List<SnapStartPriming> hooks = List.of(
        new IngestHandler(LambdaEnvironment.of(Map.of("QUEUE_URL", "http://127.0.0.1:9/queue/renewals")))
            .snapStartPriming(),
        new WorkerHandler(LambdaEnvironment.of(Map.of("TABLE_NAME", "renewals"))).snapStartPriming(),
        new NotifierHandler(LambdaEnvironment.of(Map.of("TOPIC_ARN",
            "arn:aws:sns:eu-west-1:111122223333:renewals"))).snapStartPriming());
    for (SnapStartPriming hook : hooks) {
      assertThat(hook).isNotNull();
      hook.beforeCheckpoint(null);
      hook.afterRestore(null);
      assertThat(hook.runs()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a priming that fails fails the checkpoint, so a broken hook is seen at deployment")
  void failingPrimingPropagates() {
    SnapStartPriming broken = SnapStartPriming.register(() -> {
      throw new IllegalStateException("sample no longer valid");
    });
    assertThatThrownBy(() -> broken.beforeCheckpoint(null)).hasMessage("sample no longer valid");
    assertThat(broken.runs()).isZero();
  }
}
