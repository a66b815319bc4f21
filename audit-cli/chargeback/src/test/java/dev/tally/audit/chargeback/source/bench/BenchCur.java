package dev.tally.audit.chargeback.source.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

/**
 * Writes a synthetic one-month CUR 2.0 Parquet file of any size with DuckDB {@code COPY (SELECT … FROM range(n))}:
 * 50 accounts, 40 services, 30 cost centres (10% tagged only with an owner, 10% untagged), every amortization line type, tax, credits and support.
 * Values come from a hash of the row number, so a size always produces the same data.
 */
final class BenchCur {
    static final YearMonth MONTH = YearMonth.of(2025, 10);

    private BenchCur() {
    }

    /**
     * Writes (or reuses) {@code dir/BILLING_PERIOD=2025-10/cur-v2-<rows>.parquet} (v2: every cost column DOUBLE, as
     * AWS writes them), in the partition folder Data Exports would put it in.
     */
    static Path write(Path root, long rows) throws SQLException, java.io.IOException {
        Path dir = root.resolve("BILLING_PERIOD=" + MONTH);
        Path file = dir.resolve("cur-v2-" + rows + ".parquet");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve("cur-v2-" + rows + ".parquet.partial");
        String select = """
                SELECT
                  CAST(110000000000 + h %% 50 AS VARCHAR) AS line_item_usage_account_id,
                  CASE WHEN t = 99 AND h %% 2 = 0 THEN 'AWSSupportBusiness' ELSE 'AmazonService' || ((h // 50) %% 40) END
                    AS line_item_product_code,
                  CASE WHEN t < 80 THEN 'Usage' WHEN t < 88 THEN 'SavingsPlanCoveredUsage'
                       WHEN t < 96 THEN 'SavingsPlanNegation' WHEN t < 97 THEN 'DiscountedUsage'
                       WHEN t < 98 THEN 'Tax' WHEN t < 99 THEN 'Credit' ELSE 'Fee' END AS line_item_line_item_type,
                  CASE WHEN t BETWEEN 88 AND 95 THEN -1 WHEN t = 98 THEN -1 ELSE 1 END
                    * ((h // 2000) %% 100000) / 10000.0 AS line_item_unblended_cost,
                  CASE WHEN t BETWEEN 80 AND 87 THEN ((h // 2000) %% 100000) / 13888.0 ELSE 0 END
                    AS savings_plan_savings_plan_effective_cost,
                  0.0::DOUBLE AS savings_plan_total_commitment_to_date,
                  0.0::DOUBLE AS savings_plan_used_commitment,
                  CASE WHEN t = 96 THEN ((h // 2000) %% 100000) / 15000.0 ELSE 0 END AS reservation_effective_cost,
                  0.0::DOUBLE AS reservation_unused_amortized_upfront_fee_for_billing_period,
                  0.0::DOUBLE AS reservation_unused_recurring_fee,
                  '' AS reservation_reservation_a_r_n,
                  'USD' AS line_item_currency_code,
                  TIMESTAMP '%s 00:00:00' AS bill_billing_period_start_date,
                  'EUINGB-BENCH' AS bill_invoice_id,
                  CASE WHEN (h // 7) %% 10 = 0 THEN MAP {}::MAP(VARCHAR, VARCHAR)
                       WHEN (h // 7) %% 10 = 1 THEN MAP {'user_tally_owner': 'owner-' || ((h // 70) %% 5)}
                       ELSE MAP {'user_tally_cost_center': 'cc-' || ((h // 70) %% 30),
                                 'user_env': CASE WHEN (h // 3) %% 3 = 0 THEN 'staging' ELSE 'prod' END} END
                    AS resource_tags
                FROM (SELECT CAST(hash(i) >> 1 AS BIGINT) AS h, CAST((hash(i) >> 1) %% 100 AS INTEGER) AS t
                      FROM range(%d) r(i))""".formatted(MONTH.atDay(1), rows);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (" + select + ") TO '" + partial + "' (FORMAT parquet, COMPRESSION snappy)");
        }
        Files.move(partial, file);
        return file;
    }
}
