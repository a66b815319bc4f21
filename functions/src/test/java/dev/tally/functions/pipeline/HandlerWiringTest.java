package dev.tally.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tally.functions.balance.BalanceHandler;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.ingest.IngestHandler;
import dev.tally.functions.notifier.NotifierHandler;
import dev.tally.functions.support.ApiRequests;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.worker.WorkerHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The handlers as the Lambda runtime builds them: settings from environment variables, SDK clients from the SDK's
 * standard configuration. The standard endpoint setting ({@code AWS_ENDPOINT_URL}, or its system-property twin
 * {@code aws.endpointUrl} used here because a test cannot set environment variables) points the unchanged
 * production wiring at the local peers.
 */
@ExtendWith(LocalPeersExtension.class)
@DisplayName("Handlers wired from the environment")
class HandlerWiringTest {
  private final LocalPeers peers;

  HandlerWiringTest(LocalPeers peers) {
    this.peers = peers;
  }

  @Test
  @DisplayName("refuse to start without their variable, naming it")
  void missingVariables() {
    LambdaEnvironment empty = LambdaEnvironment.of(Map.of());
    assertThatThrownBy(() -> new IngestHandler(empty)).hasMessageContaining("QUEUE_URL");
    assertThatThrownBy(() -> new WorkerHandler(empty)).hasMessageContaining("TABLE_NAME");
    assertThatThrownBy(() -> new NotifierHandler(empty)).hasMessageContaining("TOPIC_ARN");
    assertThatThrownBy(() -> new BalanceHandler(LambdaEnvironment.of(Map.of("TABLE_NAME", " "))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TABLE_NAME is not set");
  }

  @Test
  @DisplayName("the balance handler reaches DynamoDB through the SDK's standard endpoint setting")
  void balanceThroughStandardEndpoint() {
    String table = RenewalTables.create(peers.dynamoDb(), "wiring");
    APIGatewayProxyResponseEvent response = withSdkSettings(peers.dynamoDbEndpoint().toString(),
        () -> new BalanceHandler(LambdaEnvironment.of(Map.of("TABLE_NAME", table)))
            .handleRequest(ApiRequests.getBalance("CUST-UNKNOWN"), null));

    // 404 can only come from the table answering "no item"; an unreachable endpoint would give 503.
    assertThat(response.getStatusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("the ingest handler reaches SQS through the SDK's standard endpoint setting")
  void ingestThroughStandardEndpoint() {
    SqsClient sqs = peers.sqs();
    String queueUrl = sqs.createQueue(request -> request.queueName("wiring-" + UUID.randomUUID())).queueUrl();
    APIGatewayProxyResponseEvent response = withSdkSettings(peers.sqsEndpoint().toString(),
        () -> new IngestHandler(LambdaEnvironment.of(Map.of("QUEUE_URL", queueUrl)))
            .handleRequest(ApiRequests.postRenewal("key-w",
                "{\"customerId\":\"CUST-1\",\"planId\":\"P1\",\"amount\":1}"), null));

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).hasSize(1);
  }

  /**
   * Builds and calls a handler under the SDK's standard system settings (endpoint, region, credentials), then
   * restores them. Credentials are resolved at the first request, so the call must happen inside too.
   */
  private static <T> T withSdkSettings(String endpoint, Supplier<T> build) {
    Map<String, String> settings = Map.of("aws.endpointUrl", endpoint, "aws.region", LocalPeers.REGION.id(),
        "aws.accessKeyId", "local", "aws.secretAccessKey", "local");
    Map<String, String> previous = new HashMap<>();
    settings.keySet().forEach(name -> previous.put(name, System.getProperty(name)));
    settings.forEach(System::setProperty);
    try {
      return build.get();
    } finally {
      previous.forEach((name, value) -> {
        if (value == null) {
          System.clearProperty(name);
        } else {
          System.setProperty(name, value);
        }
      });
    }
  }
}
