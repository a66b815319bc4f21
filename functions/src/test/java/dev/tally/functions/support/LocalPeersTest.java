package dev.tally.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

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
    assertThat(peers.motoLog()).isRegularFile()
        .hasParent(LocalPeers.buildDirectory().resolve("local-peers"));
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
    assertThatThrownBy(() -> MotoServer.start("/nonexistent/python3", "moto.server", logs))
        .isInstanceOf(LocalPeerUnavailableException.class)
        .hasMessageContaining("/nonexistent/python3 was not found")
        .hasMessageContaining("pip install 'moto[server]'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingModuleNamesTheInstallCommandInOneLine(@TempDir Path logs) {
    // The real interpreter, asked for a module it does not have: what a machine without moto answers.
    assertThatThrownBy(() -> MotoServer.start("python3", "moto_not_installed.server", logs))
        .isInstanceOf(LocalPeerUnavailableException.class)
        .hasMessageContaining("No module named 'moto_not_installed'")
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
