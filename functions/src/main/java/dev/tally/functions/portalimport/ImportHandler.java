package dev.tally.functions.portalimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.StructuredLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The customer portal's monthly import job, invoked by its EventBridge schedule (or by hand with
 * {@code {"month": "2026-11"}}). It imports the month of the event's {@code time} (UTC) and returns, and logs, what it
 * imported and refused. It stops {@link #SAFETY_MARGIN_MILLIS} before its timeout with the checkpoint committed;
 * the next hourly run continues from there.
 *
 * <p>Environment (set by the CustomerPortal construct): {@code DOCUMENTS_BUCKET}, {@code MANIFEST_PREFIX},
 * {@code DB_SECRET_ARN}.
 */
public final class ImportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** The bucket holding the documents and, under {@code MANIFEST_PREFIX}, the manifests. */
  public static final String DOCUMENTS_BUCKET = "DOCUMENTS_BUCKET";
  /** Key prefix of the manifests, e.g. {@code manifests/}. */
  public static final String MANIFEST_PREFIX = "MANIFEST_PREFIX";
  /** ARN of the database's Secrets Manager secret. */
  public static final String DB_SECRET_ARN = "DB_SECRET_ARN";
  /** Time kept back from the timeout: a batch commit and the response fit in it many times over. */
  public static final long SAFETY_MARGIN_MILLIS = 30_000;

  private final S3Client s3;
  private final SecretsManagerClient secrets;
  private final String bucket;
  private final String manifestPrefix;
  private final String secretArn;
  private final StructuredLog log;
  private final Clock clock;
  private final boolean requireTls;

  /** The Lambda runtime's constructor: clients once per container, settings from the environment. */
  public ImportHandler() {
    this(LambdaEnvironment.system(),
        S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        StructuredLog.toStandardOutput(), Clock.systemUTC(), true);
  }

  /**
   * @param requireTls whether the JDBC connection must use TLS (always on Lambda; a local test server has none)
   */
  public ImportHandler(LambdaEnvironment environment, S3Client s3, SecretsManagerClient secrets, StructuredLog log,
      Clock clock, boolean requireTls) {
    this.s3 = s3;
    this.secrets = secrets;
    this.bucket = environment.require(DOCUMENTS_BUCKET, "the name of the portal's documents bucket");
    this.manifestPrefix = environment.require(MANIFEST_PREFIX, "the key prefix of the import manifests");
    this.secretArn = environment.require(DB_SECRET_ARN, "the ARN of the portal database's secret");
    this.log = log;
    this.clock = clock;
    this.requireTls = requireTls;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    YearMonth month = monthOf(event);
    DatabaseSecret secret = DatabaseSecret.parse(
        secrets.getSecretValue(r -> r.secretId(secretArn)).secretString());
    try (Connection connection = secret.connect(requireTls)) {
      MonthlyImport job = new MonthlyImport(this::readManifest, new DocumentStore(connection), manifestPrefix,
          MonthlyImport.DEFAULT_BATCH_SIZE);
      ImportReport report = job.run(month,
          () -> context != null && context.getRemainingTimeInMillis() < SAFETY_MARGIN_MILLIS);
      logReport(report);
      return asMap(report);
    } catch (SQLException e) {
      throw new IllegalStateException("the import of " + month + " failed in the database (" + secret + "): "
          + e.getMessage() + "; committed batches are kept and the next run continues from the checkpoint", e);
    }
  }

  /** {@code month} ({@code YYYY-MM}) when given, else the month of the scheduled event's {@code time}, else now. */
  YearMonth monthOf(Map<String, Object> event) {
    Object month = event == null ? null : event.get("month");
    if (month != null) {
      try {
        return YearMonth.parse(month.toString());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("month '" + month + "' is not a month: use YYYY-MM, e.g. 2026-11", e);
      }
    }
    Object time = event == null ? null : event.get("time");
    Instant when = time == null ? clock.instant() : Instant.parse(time.toString());
    return YearMonth.from(when.atOffset(ZoneOffset.UTC));
  }

  private String readManifest(String key) {
    try {
      return s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toBytes()).asUtf8String();
    } catch (NoSuchKeyException e) {
      throw new IllegalStateException("there is no manifest at s3://" + bucket + "/" + key + ": upload the month's"
          + " manifest (" + String.join(",", Manifest.COLUMNS) + "); the next hourly run imports it", e);
    }
  }

  private void logReport(ImportReport report) {
    for (RefusedRow refused : report.refused()) {
      log.warn("import.refused", StructuredLog.fields("manifest", report.manifestKey(), "line", refused.line(),
          "reason", refused.reason()));
    }
    log.info(report.complete() ? "import.complete" : "import.paused", asMap(report));
  }

  static Map<String, Object> asMap(ImportReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("month", report.month().toString());
    map.put("manifest", report.manifestKey());
    map.put("imported", report.imported());
    map.put("alreadyPresent", report.alreadyPresent());
    map.put("refused", report.refused().stream().map(RefusedRow::toString).toList());
    map.put("complete", report.complete());
    map.put("nextLine", report.checkpoint().nextLine());
    map.put("importedTotal", report.checkpoint().imported());
    map.put("refusedTotal", report.checkpoint().refused());
    return map;
  }
}
