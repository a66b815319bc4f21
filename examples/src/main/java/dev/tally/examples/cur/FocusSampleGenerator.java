package dev.tally.examples.cur;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes the small FOCUS 1.2 sample under {@code examples/chargeback/focus/} (Parquet, {@code Tags} a map) and
 * {@code focus-csv/} (gzipped CSV, {@code Tags} JSON text), as AWS Data Exports lays out a "FOCUS 1.2 with AWS
 * columns" export: one folder per {@code BILLING_PERIOD=YYYY-MM}. Few enough lines to check by hand; the October
 * totals are in {@code examples/chargeback/README.md} and {@code FocusSampleTest}:
 *
 * <pre>
 * #  account       service                          category   commitment   Billed   Effective  Tags
 * 1  210987654321  Amazon Elastic Compute Cloud     Usage      -            100.00   100.00     user:Team=payments
 * 2  210987654321  Amazon Elastic Compute Cloud     Usage      SP, Used       0.00    36.00     user:Team=payments
 * 3  110987654321  Savings Plans for AWS Compute... Purchase   SP            40.00     0.00     -
 * 4  110987654321  Amazon Elastic Compute Cloud     Usage      SP, Unused     0.00     4.00     -
 * 5  310987654321  Amazon Relational Database Svc.  Usage      RI, Used       0.00    20.00     user:Team=search
 * 6  310987654321  Amazon Relational Database Svc.  Purchase   RI (upfront) 120.00     0.00     -
 * 7  310987654321  Amazon Relational Database Svc.  Purchase   RI (monthly)  15.00     0.00     -
 * 8  310987654321  Amazon Relational Database Svc.  Usage      RI, Unused     0.00     3.75     -
 * 9  310987654321  Amazon Simple Storage Service    Usage      -             10.123456789 (both)  (no tags)
 * 10 310987654321  Amazon Simple Storage Service    Usage      -              5.00     5.00     user:Team= (empty)
 * 11 110987654321  AWS Support (Business)           Purchase   -            100.00   100.00     -
 * 12 210987654321  Amazon Elastic Compute Cloud     Tax        -             12.00    12.00     -
 * 13 210987654321  Amazon Elastic Compute Cloud     Credit     -            -25.00   -25.00     user:Team=payments
 * 14 310987654321  Amazon Simple Storage Service    Adjustment -             -3.00    -3.00     user:Team=search
 * 15 310987654321  Amazon Elastic Compute Cloud     Usage      -              7.00     7.00     user:env=prod
 * 16 210987654321  AWS Lambda                       Usage      -              8.00     8.00     user:team=payments
 * 17 210987654321  Amazon Elastic Compute Cloud     Usage (Correction)       -2.00    -2.00     user:Team=payments
 *    October totals                                                       387.123456789  275.873456789
 * </pre>
 *
 * <p>September has three lines (EC2 usage 90.00 payments, RDS usage 30.00 search, support 100.00): 220.00 either way.
 * Every line carries an {@code InvoiceId}. Run: {@code FocusSampleGenerator examples/chargeback}.
 */
public final class FocusSampleGenerator {
    static final String SP = "arn:aws:savingsplans::110987654321:savingsplan/sp-0a1b2c3d";
    static final String RI = "arn:aws:rds:eu-west-1:310987654321:ri:payments-db-ri";
    private static final String EC2 = "Amazon Elastic Compute Cloud";
    private static final String RDS = "Amazon Relational Database Service";
    private static final String S3 = "Amazon Simple Storage Service";
    private static final String SUPPORT = "AWS Support (Business)";

    private final Path outputDir;

    public FocusSampleGenerator(Path outputDir) {
        this.outputDir = outputDir;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/chargeback");
        new FocusSampleGenerator(out).write();
        System.out.println("wrote the sample FOCUS 1.2 export (Parquet and CSV.gz) under " + out.toAbsolutePath());
    }

    /** One line: the FOCUS columns the sample fills, in {@link #COLUMNS} order. */
    private record Line(String account, String service, String serviceCode, String category, String chargeClass,
            String commitmentId, String status, String billed, String effective, String tags) {
        String values(YearMonth month, int n) {
            return "(" + String.join(", ", text("110987654321"), text(account), text(service), text(serviceCode),
                    text(category), text(chargeClass), text(commitmentId), text(status), decimal(billed),
                    decimal(effective), "'USD'", "TIMESTAMP '" + month.atDay(1) + " 00:00:00'",
                    "TIMESTAMP '" + month.plusMonths(1).atDay(1) + " 00:00:00'",
                    text("EUINGB25-" + month.toString().replace("-", "") + "-0001"), tags,
                    text("focus-sample-" + month + "-" + n)) + ")";
        }
    }

    private static final String COLUMNS = "BillingAccountId, SubAccountId, ServiceName, x_ServiceCode, ChargeCategory,"
            + " ChargeClass, CommitmentDiscountId, CommitmentDiscountStatus, BilledCost, EffectiveCost,"
            + " BillingCurrency, BillingPeriodStart, BillingPeriodEnd, InvoiceId, Tags, x_LineId";

    static final List<Line> OCTOBER = List.of(
            new Line("210987654321", EC2, "AmazonEC2", "Usage", null, null, null, "100.00", "100.00",
                    tags("user:Team", "payments")),
            new Line("210987654321", EC2, "AmazonEC2", "Usage", null, SP, "Used", "0.00", "36.00",
                    tags("user:Team", "payments")),
            new Line("110987654321", "Savings Plans for AWS Compute usage", "ComputeSavingsPlans", "Purchase", null,
                    SP, null, "40.00", "0.00", noTags()),
            new Line("110987654321", EC2, "AmazonEC2", "Usage", null, SP, "Unused", "0.00", "4.00", noTags()),
            new Line("310987654321", RDS, "AmazonRDS", "Usage", null, RI, "Used", "0.00", "20.00",
                    tags("user:Team", "search")),
            new Line("310987654321", RDS, "AmazonRDS", "Purchase", null, RI, null, "120.00", "0.00", noTags()),
            new Line("310987654321", RDS, "AmazonRDS", "Purchase", null, RI, null, "15.00", "0.00", noTags()),
            new Line("310987654321", RDS, "AmazonRDS", "Usage", null, RI, "Unused", "0.00", "3.75", noTags()),
            new Line("310987654321", S3, "AmazonS3", "Usage", null, null, null, "10.123456789", "10.123456789",
                    noTags()),
            new Line("310987654321", S3, "AmazonS3", "Usage", null, null, null, "5.00", "5.00", tags("user:Team", "")),
            new Line("110987654321", SUPPORT, "AWSSupportBusiness", "Purchase", null, null, null, "100.00", "100.00",
                    noTags()),
            new Line("210987654321", EC2, "AmazonEC2", "Tax", null, null, null, "12.00", "12.00", noTags()),
            new Line("210987654321", EC2, "AmazonEC2", "Credit", null, null, null, "-25.00", "-25.00",
                    tags("user:Team", "payments")),
            new Line("310987654321", S3, "AmazonS3", "Adjustment", null, null, null, "-3.00", "-3.00",
                    tags("user:Team", "search")),
            new Line("310987654321", EC2, "AmazonEC2", "Usage", null, null, null, "7.00", "7.00",
                    tags("user:env", "prod")),
            new Line("210987654321", "AWS Lambda", "AWSLambda", "Usage", null, null, null, "8.00", "8.00",
                    tags("user:team", "payments")),
            new Line("210987654321", EC2, "AmazonEC2", "Usage", "Correction", null, null, "-2.00", "-2.00",
                    tags("user:Team", "payments")));

    static final List<Line> SEPTEMBER = List.of(
            new Line("210987654321", EC2, "AmazonEC2", "Usage", null, null, null, "90.00", "90.00",
                    tags("user:Team", "payments")),
            new Line("310987654321", RDS, "AmazonRDS", "Usage", null, null, null, "30.00", "30.00",
                    tags("user:Team", "search")),
            new Line("110987654321", SUPPORT, "AWSSupportBusiness", "Purchase", null, null, null, "100.00", "100.00",
                    noTags()));

    /** Writes {@code focus/BILLING_PERIOD=YYYY-MM/*.parquet} and {@code focus-csv/BILLING_PERIOD=YYYY-MM/*.csv.gz}. */
    public void write() throws SQLException, IOException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("SET threads = 1");
            write(sql, YearMonth.of(2025, 9), SEPTEMBER);
            write(sql, YearMonth.of(2025, 10), OCTOBER);
        }
    }

    private void write(Statement sql, YearMonth month, List<Line> lines) throws SQLException, IOException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            values.append(i == 0 ? "" : ",\n").append(lines.get(i).values(month, i + 1));
        }
        String rows = "SELECT * FROM (VALUES " + values + ") t(" + COLUMNS + ")";
        Path parquet = outputDir.resolve("focus/BILLING_PERIOD=" + month + "/focus-sample-00001.snappy.parquet");
        Path csv = outputDir.resolve("focus-csv/BILLING_PERIOD=" + month + "/focus-sample-00001.csv.gz");
        Files.createDirectories(parquet.getParent());
        Files.createDirectories(csv.getParent());
        sql.execute("COPY (" + rows + ") TO '" + parquet + "' (FORMAT parquet, COMPRESSION snappy)");
        sql.execute("COPY (SELECT * REPLACE (CAST(to_json(Tags) AS VARCHAR) AS Tags) FROM (" + rows + ")) TO '" + csv
                + "' (FORMAT csv, HEADER true, COMPRESSION gzip, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.000Z')");
    }

    private static String tags(String key, String value) {
        return "MAP {" + text(key) + ": " + text(value) + "}";
    }

    private static String noTags() {
        return "CAST(MAP {} AS MAP(VARCHAR, VARCHAR))";
    }

    private static String text(String value) {
        return value == null ? "CAST(NULL AS VARCHAR)" : "'" + value.replace("'", "''") + "'";
    }

    /** Costs as DOUBLE, as AWS writes them. */
    private static String decimal(String amount) {
        return "CAST('" + amount + "' AS DOUBLE)";
    }
}
