package dev.tally.functions.portalimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/** The import against real peers: manifests on moto S3, metadata in a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({LocalPeersExtension.class, PostgresPeer.Extension.class})
@DisplayName("MonthlyImport on moto S3 and PostgreSQL")
class MonthlyImportTest {

  private static final String BUCKET = "portal-import-test";
  private static final String PREFIX = "manifests/";

  private S3Client s3;
  private PostgresPeer postgres;
  private Connection connection;

  @BeforeAll
  void start(LocalPeers peers, PostgresPeer postgres) throws SQLException {
    this.postgres = postgres;
    s3 = peers.motoClient(S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket(BUCKET));
    connection = postgres.connect(postgres.newDatabase("monthly_import"));
  }

  @AfterAll
  void close() throws SQLException {
    connection.close();
  }

  private void upload(YearMonth month, String manifest) {
    s3.putObject(r -> r.bucket(BUCKET).key(PREFIX + month + ".csv"), RequestBody.fromString(manifest));
  }

  private MonthlyImport job(int batchSize) {
    return new MonthlyImport(key -> s3.getObject(r -> r.bucket(BUCKET).key(key), ResponseTransformer.toBytes())
        .asUtf8String(), new DocumentStore(connection), PREFIX, batchSize);
  }

  private static String manifest(YearMonth month, int documents) {
    StringBuilder text = new StringBuilder("customer_id,invoice_number,amount,s3_key\n");
    for (int i = 1; i <= documents; i++) {
      text.append("c-").append(i % 7).append(",INV-").append(month).append('-').append(i).append(',')
          .append(i).append(".99,documents/").append(month).append("/INV-").append(i).append(".pdf\n");
    }
    return text.toString();
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  @DisplayName("happy path: every document's metadata is stored with its month, and the run is complete")
  void happyPath() throws SQLException {
    YearMonth month = YearMonth.of(2026, 10);
    upload(month, manifest(month, 1200));
    ImportReport report = job(500).run(month, () -> false);
    assertThat(report.imported()).isEqualTo(1200);
    assertThat(report.refused()).isEmpty();
    assertThat(report.complete()).isTrue();
    assertThat(count("SELECT count(*) FROM portal_document WHERE month = DATE '2026-10-01'")).isEqualTo(1200);
    assertThat(count("SELECT round(sum(amount) * 100) FROM portal_document WHERE month = DATE '2026-10-01'"))
        .isEqualTo((1200L * 1201 / 2) * 100 + 1200 * 99);
  }

  @Test
  @DisplayName("a re-run imports nothing twice, and a retry that lost its checkpoint finds every row present")
  void rerunImportsNothingTwice() throws SQLException {
    YearMonth month = YearMonth.of(2026, 9);
    upload(month, manifest(month, 300));
    assertThat(job(100).run(month, () -> false).imported()).isEqualTo(300);

    ImportReport rerun = job(100).run(month, () -> false);
    assertThat(rerun.imported()).isZero();
    assertThat(rerun.checkpoint().imported()).isEqualTo(300);

    // A retried invocation whose earlier commit was not recorded as a checkpoint: the rows themselves say so.
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM portal_import_checkpoint WHERE manifest_key = 'manifests/2026-09.csv'");
    }
    ImportReport retry = job(100).run(month, () -> false);
    assertThat(retry.imported()).isZero();
    assertThat(retry.alreadyPresent()).isEqualTo(300);
    assertThat(count("SELECT count(*) FROM portal_document WHERE month = DATE '2026-09-01'")).isEqualTo(300);
  }

  @Test
  @DisplayName("a malformed row is refused by line and reason, the rows around it are imported")
  void malformedRowRefused() throws SQLException {
    YearMonth month = YearMonth.of(2026, 8);
    upload(month, "customer_id,invoice_number,amount,s3_key\n"
        + "c-1,INV-A,10.00,documents/2026-08/A.pdf\n"
        + "c-1,INV-B,ten,documents/2026-08/B.pdf\n"
        + "c-2,INV-C,30.00,documents/2026-08/C.pdf\n");
    ImportReport report = job(500).run(month, () -> false);
    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.refused()).extracting(RefusedRow::toString).containsExactly(
        "line 3: amount 'ten' is not a non-negative amount with at most two decimals (invoice INV-B)");
    assertThat(report.checkpoint().refused()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM portal_document WHERE invoice_number = 'INV-B'")).isZero();
  }

  @Test
  @DisplayName("out of time: the run stops at a committed checkpoint and the next run continues from it")
  void checkpointResumed() throws SQLException {
    YearMonth month = YearMonth.of(2026, 7);
    upload(month, manifest(month, 250).replace("c-3,INV-2026-07-3,3.99", "c-3,INV-2026-07-3,3.999"));
    AtomicInteger batches = new AtomicInteger();
    ImportReport first = job(100).run(month, () -> batches.incrementAndGet() > 2);
    assertThat(first.complete()).isFalse();
    // Two batches of 100 documents each (the refused line does not count towards a batch) were committed.
    assertThat(first.imported()).isEqualTo(200);
    assertThat(first.refused()).extracting(RefusedRow::line).containsExactly(4);
    assertThat(first.checkpoint().nextLine()).isEqualTo(203);
    assertThat(count("SELECT count(*) FROM portal_document WHERE month = DATE '2026-07-01'")).isEqualTo(200);

    ImportReport second = job(100).run(month, () -> false);
    assertThat(second.complete()).isTrue();
    assertThat(second.imported()).isEqualTo(49);
    assertThat(second.alreadyPresent()).isZero();
    assertThat(second.refused()).isEmpty();
    assertThat(second.checkpoint().imported()).isEqualTo(249);
    assertThat(second.checkpoint().refused()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM portal_document WHERE month = DATE '2026-07-01'")).isEqualTo(249);
  }
}
