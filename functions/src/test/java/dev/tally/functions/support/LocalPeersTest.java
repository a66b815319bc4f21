package dev.tally.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The local-peers harness itself: moto starts, answers, logs under the build directory, stops, and says what to
 * install when it cannot start. */
@ExtendWith(LocalPeersExtension.class)
class LocalPeersTest {

  @Test
  void sharedMotoServesDynamoDbAndSnsAndLogsUnderTheBuildDirectory(LocalPeers peers) {
    assertThat(peers.motoEndpoint().getHost()).isEqualTo("127.0.0.1");
    try (var dynamoDb = peers.dynamoDb(); var sns = peers.sns()) {
      String table = RenewalTables.create(dynamoDb, "harness");
      assertThat(dynamoDb.listTables().tableNames()).contains(table);
      assertThat(sns.createTopic(request -> request.name("harness")).topicArn())
          .startsWith("arn:aws:sns:us-east-1:" + LocalPeers.MOTO_ACCOUNT + ":");
    }
    assertThat(peers.motoVersion()).matches("moto \\d+\\.\\d+\\.\\d+.*");
    assertThat(peers.motoLog()).isRegularFile()
        .hasParent(LocalPeers.buildDirectory().resolve("local-peers"));
  }

  @Test
  void concurrentConditionalWritesToOneItemPassTheirConditionOnceAsInDynamoDb(LocalPeers peers) throws Exception {
    try (var dynamoDb = peers.dynamoDb()) {
      String table = RenewalTables.create(dynamoDb, "harness-atomic");
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("item"), "sk", AttributeValue.fromS("x"));
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<Boolean>> writes = new ArrayList<>();
      try {
        for (int i = 0; i < 32; i++) {
          writes.add(pool.submit(() -> {
            try {
              dynamoDb.updateItem(request -> request.tableName(table).key(key)
                  .updateExpression("ADD credits :one").conditionExpression("attribute_not_exists(credits)")
                  .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
              return true;
            } catch (ConditionalCheckFailedException e) {
              return false;
            }
          }));
        }
        int passed = 0;
        for (Future<Boolean> write : writes) {
          passed += write.get() ? 1 : 0;
        }
        assertThat(passed).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(dynamoDb.getItem(request -> request.tableName(table).key(key)).item().get("credits").n())
          .isEqualTo("1");
    }
  }

  @Test
  void aStartedServerAnswersUntilClosed(@TempDir Path logs) throws IOException {
    MotoServer moto = MotoServer.start(logs);
    URI probe = moto.endpoint().resolve("/moto-api/");
    assertThat(status(probe)).isEqualTo(200);
    moto.close();
    assertThatThrownBy(() -> status(probe)).isInstanceOf(IOException.class);
    assertThat(Files.readString(moto.log())).isNotEmpty();
  }

  @Test
  void aMissingInterpreterNamesTheInstallCommandInOneLine(@TempDir Path logs) {
    assertThatThrownBy(() -> MotoServer.start(List.of("/nonexistent/python3"), logs))
        .isInstanceOf(LocalPeerUnavailableException.class)
        .hasMessageContaining("/nonexistent/python3 was not found")
        .hasMessageContaining("pip install 'moto[server]'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingModuleNamesTheInstallCommandInOneLine(@TempDir Path logs) {
    // The real interpreter without its site-packages (-S): what a machine without moto answers.
    assertThatThrownBy(() -> MotoServer.start(List.of("python3", "-S"), logs))
        .isInstanceOf(LocalPeerUnavailableException.class)
        .hasMessageContaining("No module named 'moto'")
        .hasMessageContaining("pip install 'moto[server]'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingPeerFailsOnCiAndIsSkippedWithTheSameLineElsewhere() {
    var missing = new LocalPeerUnavailableException("python3 was not found: install them with "
        + MotoServer.INSTALL_HINT);
    assertThat(LocalPeersExtension.unavailable(missing, true)).isInstanceOf(LocalPeerUnavailableException.class)
        .hasMessage("CI=true but a local peer is missing: " + missing.getMessage());
    assertThat(LocalPeersExtension.unavailable(missing, false)).isInstanceOf(TestAbortedException.class)
        .hasMessage(missing.getMessage());
  }

  private static int status(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout(1000);
    connection.setReadTimeout(5000);
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }
}
