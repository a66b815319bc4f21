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
 * Writes the sample CUR 2.0 export under {@code examples/chargeback/}: two months of a small organisation (four member
 * accounts, a management account, seven services, four teams) with everything a chargeback must handle: untagged
 * usage, Savings Plan covered usage and negations with the plan's recurring fee, an RDS Reserved Instance (upfront fee,
 * RI fee, discounted usage), Business support, tax, a refund and a credit. Deterministic: every value derives from a
 * hash of the row number and month, so a re-run writes the same data.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.tally.examples.cur.CurSampleGenerator
 * -Dexec.args="examples/chargeback 2000"} (output folder, usage line items per month).
 */
public final class CurSampleGenerator {
    /** The months the sample covers; the second is the report month, the first its comparison. */
    public static final List<YearMonth> MONTHS = List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10));
    static final String PAYER = "110987654321";

    private final Path outputDir;
    private final int usageRowsPerMonth;

    public CurSampleGenerator(Path outputDir, int usageRowsPerMonth) {
        this.outputDir = outputDir;
        this.usageRowsPerMonth = usageRowsPerMonth;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/chargeback");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        new CurSampleGenerator(out, rows).write();
        System.out.println("wrote the sample CUR (Parquet and CSV.gz) under " + out.toAbsolutePath());
    }

    /** Writes {@code cur/BILLING_PERIOD=YYYY-MM/*.parquet} and {@code cur-csv/BILLING_PERIOD=YYYY-MM/*.csv.gz}. */
    public void write() throws SQLException, IOException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            // One thread: row order and Parquet row groups come out identical run to run.
            sql.execute("SET threads = 1");
            sql.execute(CurSampleSql.SCHEMA);
            for (int m = 0; m < MONTHS.size(); m++) {
                YearMonth month = MONTHS.get(m);
                for (String statement : CurSampleSql.month(month, m, usageRowsPerMonth)) {
                    sql.execute(statement);
                }
                Path parquet = outputDir.resolve("cur/BILLING_PERIOD=" + month + "/cur-sample-00001.snappy.parquet");
                Path csv = outputDir.resolve("cur-csv/BILLING_PERIOD=" + month + "/cur-sample-00001.csv.gz");
                Files.createDirectories(parquet.getParent());
                Files.createDirectories(csv.getParent());
                String rows = "SELECT * FROM cur WHERE bill_billing_period_start_date = TIMESTAMP '" + month.atDay(1)
                        + "' ORDER BY identity_line_item_id";
                sql.execute("COPY (" + rows + ") TO '" + parquet + "' (FORMAT parquet, COMPRESSION snappy)");
                // CSV exports carry the map columns as JSON text and timestamps in ISO 8601 with a Z.
                sql.execute("COPY (SELECT * REPLACE (CAST(to_json(resource_tags) AS VARCHAR) AS resource_tags)"
                        + " FROM (" + rows + ")) TO '" + csv + "' (FORMAT csv, HEADER true, COMPRESSION gzip,"
                        + " TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.000Z')");
            }
        }
    }
}
