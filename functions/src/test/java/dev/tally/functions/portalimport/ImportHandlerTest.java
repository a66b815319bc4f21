package dev.tally.functions.portalimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.StructuredLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The handler as Lambda runs it: the scheduled event in, the manifest from moto S3, the credentials from moto's
 * Secrets Manager (the RDS secret's JSON shape), the metadata into a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({LocalPeersExtension.class, PostgresPeer.Extension.class})
@DisplayName("ImportHandler on moto S3, moto Secrets Manager and PostgreSQL")
class ImportHandlerTest {

  private static final String BUCKET = "portal-documents-handler-test";

  private S3Client s3;
  private ImportHandler handler;
  private final List<String> logLines = new ArrayList<>();

  @BeforeAll
  void start(LocalPeers peers, PostgresPeer postgres) throws SQLException {
    s3 = peers.motoClient(S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket(BUCKET));
    SecretsManagerClient secrets = peers.motoClient(SecretsManagerClient.builder());
    String database = postgres.newDatabase("import_handler");
    String secretArn = secrets.createSecret(r -> r.name("portal-db-" + database).secretString(
        "{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + postgres.port() + ",\"dbname\":\""
            + database + "\",\"username\":\"postgres\",\"password\":\"postgres\"}")).arn();
    handler = new ImportHandler(LambdaEnvironment.of(Map.of(
        ImportHandler.DOCUMENTS_BUCKET, BUCKET, ImportHandler.MANIFEST_PREFIX, "manifests/",
        ImportHandler.DB_SECRET_ARN, secretArn)), s3, secrets,
        new StructuredLog(logLines::add, Clock.systemUTC()),
        Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC), false);
  }

  @Test
  @DisplayName("the scheduled event's month is imported; refused rows are returned and logged by line")
  void scheduledRun() {
    s3.putObject(r -> r.bucket(BUCKET).key("manifests/2026-12.csv"), RequestBody.fromString(
        "customer_id,invoice_number,amount,s3_key\n"
            + "c-1,INV-1,10.00,documents/2026-12/INV-1.pdf\n"
            + "c-2,INV-2,,documents/2026-12/INV-2.pdf\n"));
    Map<String, Object> report = handler.handleRequest(Map.of(
        "source", "aws.events", "detail-type", "Scheduled Event", "time", "2026-12-01T02:00:00Z"), null);
    assertThat(report).containsEntry("month", "2026-12").containsEntry("imported", 1)
        .containsEntry("complete", true)
        .containsEntry("refused", List.of(
            "line 3: amount '' is not a non-negative amount with at most two decimals (invoice INV-2)"));
    assertThat(logLines).anyMatch(l -> l.contains("\"event\":\"import.refused\"") && l.contains("\"line\":3"))
        .anyMatch(l -> l.contains("\"event\":\"import.complete\""));

    Map<String, Object> again = handler.handleRequest(Map.of("time", "2026-12-01T03:00:00Z"), null);
    assertThat(again).containsEntry("imported", 0).containsEntry("importedTotal", 1L);
  }

  @Test
  @DisplayName("a manual run names its month; a bad month or a missing manifest is one clear message")
  void manualRunAndErrors() {
    assertThat(handler.monthOf(Map.of("month", "2026-11"))).isEqualTo(YearMonth.of(2026, 11));
    assertThat(handler.monthOf(Map.of())).isEqualTo(YearMonth.of(2026, 12));
    assertThatThrownBy(() -> handler.handleRequest(Map.of("month", "November"), null))
        .hasMessage("month 'November' is not a month: use YYYY-MM, e.g. 2026-11");
    assertThatThrownBy(() -> handler.handleRequest(Map.of("month", "2025-01"), null))
        .hasMessageStartingWith("there is no manifest at s3://" + BUCKET + "/manifests/2025-01.csv");
  }

  @Test
  @DisplayName("a missing environment variable names itself at start-up")
  void missingEnvironment() {
    assertThatThrownBy(() -> new ImportHandler(LambdaEnvironment.of(Map.of()), s3, null,
        new StructuredLog(l -> { }, Clock.systemUTC()), Clock.systemUTC(), false))
        .hasMessageStartingWith("Environment variable DOCUMENTS_BUCKET is not set");
  }
}
