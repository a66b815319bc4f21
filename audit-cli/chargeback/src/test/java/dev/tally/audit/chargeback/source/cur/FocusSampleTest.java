package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS 1.2 input over the committed sample (examples/chargeback/focus and focus-csv, made by FocusSampleGenerator),
 * against the totals computed by hand in the generator's table.
 */
@DisplayName("FOCUS 1.2 input (the committed sample, hand-computed totals)")
class FocusSampleTest {
    private static final Path SAMPLE = Path.of("../../examples/chargeback");
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final String A = "210987654321";
    private static final String B = "310987654321";
    private static final String M = "110987654321";
    private static final String EC2 = "Amazon Elastic Compute Cloud";
    private static final String RDS = "Amazon Relational Database Service";
    private static final String S3 = "Amazon Simple Storage Service";

    @TempDir
    Path dir;

    private static MonthlyCost load(String folder, YearMonth month, CostMetric metric, List<String> tags) {
        return new CurSource(List.of(SAMPLE.resolve(folder)), DuckDbSettings.defaults()).load(month, metric, tags);
    }

    private static CostRow row(String account, String service, ChargeKind kind, Map<String, String> tags,
            String amount) {
        return new CostRow(account, service, kind, tags, new BigDecimal(amount), "USD");
    }

    /** The generator's October lines, amortized (EffectiveCost), by team; zero groups dropped. */
    private static final List<CostRow> OCTOBER_BY_TEAM = List.of(
            row(A, EC2, ChargeKind.USAGE, Map.of("team", "payments"), "98"),           // 100 and the -2 correction
            row(A, EC2, ChargeKind.DISCOUNTED_USAGE, Map.of("team", "payments"), "36"),
            row(M, EC2, ChargeKind.COMMITMENT_FEE, Map.of(), "4"),                     // unused Savings Plan
            row(B, RDS, ChargeKind.DISCOUNTED_USAGE, Map.of("team", "search"), "20"),
            row(B, RDS, ChargeKind.COMMITMENT_FEE, Map.of(), "3.75"),                  // unused RI; purchases are 0
            row(B, S3, ChargeKind.USAGE, Map.of(), "15.123456789"),                    // no tags, and an empty value
            row(M, "AWS Support (Business)", ChargeKind.SUPPORT, Map.of(), "100"),
            row(A, EC2, ChargeKind.TAX, Map.of(), "12"),
            row(A, EC2, ChargeKind.CREDIT, Map.of("team", "payments"), "-25"),
            row(B, S3, ChargeKind.REFUND, Map.of("team", "search"), "-3"),
            row(B, EC2, ChargeKind.USAGE, Map.of(), "7"),                              // user:env only
            row(A, "AWS Lambda", ChargeKind.USAGE, Map.of("team", "payments"), "8")); // key written user:team

    @Test
    @DisplayName("amortized is EffectiveCost as exported: every row and the total (275.873456789) as computed by hand")
    void amortized() {
        MonthlyCost cost = load("focus", OCTOBER, CostMetric.AMORTIZED, List.of("team"));
        assertThat(normalized(cost.rows())).containsExactlyInAnyOrderElementsOf(normalized(OCTOBER_BY_TEAM));
        assertThat(cost.sourceTotal()).isEqualByComparingTo("275.873456789");
        assertThat(cost.monthClosed()).isTrue();
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(cost.source()).startsWith("FOCUS 1.2 ").endsWith(", aggregated by DuckDB");
    }

    @Test
    @DisplayName("unblended is BilledCost (387.123456789): commitment purchases billed, covered usage at 0")
    void unblended() {
        MonthlyCost cost = load("focus", OCTOBER, CostMetric.UNBLENDED, List.of("team"));
        assertThat(cost.sourceTotal()).isEqualByComparingTo("387.123456789");
        assertThat(cost.rows()).contains(
                row(M, "Savings Plans for AWS Compute usage", ChargeKind.COMMITMENT_FEE, Map.of(), "40.0000000000"),
                row(B, RDS, ChargeKind.COMMITMENT_FEE, Map.of(), "135.0000000000"));
        assertThat(cost.rows()).noneMatch(r -> r.kind() == ChargeKind.DISCOUNTED_USAGE);
        BigDecimal sum = cost.rows().stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(cost.sourceTotal());
    }

    @Test
    @DisplayName("the gzipped CSV copy (Tags as JSON text) gives the Parquet answer; September is 220.00")
    void csvEqualsParquet() {
        MonthlyCost csv = load("focus-csv", OCTOBER, CostMetric.AMORTIZED, List.of("team"));
        assertThat(normalized(csv.rows())).containsExactlyInAnyOrderElementsOf(normalized(OCTOBER_BY_TEAM));
        assertThat(csv.sourceTotal()).isEqualByComparingTo("275.873456789");
        assertThat(load("focus-csv", YearMonth.of(2025, 9), CostMetric.AMORTIZED, List.of("team")).sourceTotal())
                .isEqualByComparingTo("220");
    }

    @Test
    @DisplayName("owner keys match Tags case-insensitively, with or without AWS's user: prefix")
    void tagKeysAnyCase() {
        for (String key : List.of("TEAM", "user:Team")) {
            MonthlyCost cost = load("focus", OCTOBER, CostMetric.AMORTIZED, List.of(key));
            BigDecimal payments = cost.rows().stream().filter(r -> "payments".equals(r.tags().get(key)))
                    .map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            // 100 - 2 + 36 - 25 + 8, the Lambda line's key written user:team included.
            assertThat(payments).as(key).isEqualByComparingTo("117");
        }
        assertThatThrownBy(() -> load("focus", OCTOBER, CostMetric.AMORTIZED, List.of("owner")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("unknown tag key owner (looked for user:owner, owner, in any case)")
                .hasMessageContaining("Tags has user:Team, user:env, user:team");
    }

    @Test
    @DisplayName("net amortized has no FOCUS column: a usage error naming the metrics that do")
    void netAmortizedRefused() {
        assertThatThrownBy(() -> load("focus", OCTOBER, CostMetric.NET_AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("use --metric amortized (EffectiveCost) or unblended (BilledCost)");
    }

    @Test
    @DisplayName("a file whose columns are neither CUR 2.0 nor FOCUS 1.2: one line, exit 2")
    void neitherSchema() throws Exception {
        Path file = dir.resolve("costs.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT '111111111111' AS account, 12.5 AS cost) TO '" + file + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> new CurSource(List.of(file), DuckDbSettings.defaults())
                .load(OCTOBER, CostMetric.AMORTIZED, List.of()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(file + " is neither a CUR 2.0 nor a FOCUS 1.2 export")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("a FOCUS file without a needed column is named with the column; CUR and FOCUS files do not mix")
    void missingColumnAndMixedSchemas() throws Exception {
        Path focus = SAMPLE.resolve("focus/BILLING_PERIOD=2025-10/focus-sample-00001.snappy.parquet");
        Path noInvoice = dir.resolve("no-invoice.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT * EXCLUDE (InvoiceId) FROM '" + focus + "') TO '" + noInvoice
                    + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> new CurSource(List.of(noInvoice), DuckDbSettings.defaults())
                .load(OCTOBER, CostMetric.AMORTIZED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("not a FOCUS 1.2 export with the columns this report needs")
                .hasMessageContaining(noInvoice + " lacks invoiceid");
        Path cur = Files.copy(SAMPLE.resolve("cur/BILLING_PERIOD=2025-10/cur-sample-00001.snappy.parquet"),
                dir.resolve("cur.parquet"));
        assertThatThrownBy(() -> new CurSource(List.of(cur, focus), DuckDbSettings.defaults())
                .load(OCTOBER, CostMetric.AMORTIZED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("mix a CUR 2.0 export").hasMessageContaining("and a FOCUS 1.2 export");
    }

    @Test
    @DisplayName("the charge kinds of FOCUS categories and commitment statuses")
    void chargeKinds() {
        assertThat(FocusChargeKinds.kindOf("Usage|Used|commitment", EC2)).isEqualTo(ChargeKind.DISCOUNTED_USAGE);
        assertThat(FocusChargeKinds.kindOf("Usage|Unused|commitment", EC2)).isEqualTo(ChargeKind.COMMITMENT_FEE);
        assertThat(FocusChargeKinds.kindOf("Usage||", EC2)).isEqualTo(ChargeKind.USAGE);
        assertThat(FocusChargeKinds.kindOf("Purchase||commitment", RDS)).isEqualTo(ChargeKind.COMMITMENT_FEE);
        assertThat(FocusChargeKinds.kindOf("Purchase||", "AWS Marketplace")).isEqualTo(ChargeKind.FEE);
        assertThat(FocusChargeKinds.kindOf("Purchase||", "AWS Support (Enterprise)")).isEqualTo(ChargeKind.SUPPORT);
        assertThat(FocusChargeKinds.kindOf("Tax||", "AWS Support (Business)")).isEqualTo(ChargeKind.TAX);
        assertThat(FocusChargeKinds.kindOf("Credit||", EC2)).isEqualTo(ChargeKind.CREDIT);
        assertThat(FocusChargeKinds.kindOf("Adjustment||", S3)).isEqualTo(ChargeKind.REFUND);
        assertThat(FocusChargeKinds.kindOf("Something||", S3)).isEqualTo(ChargeKind.OTHER);
        assertThat(Set.of(FocusChargeKinds.kindOf(null, null))).containsExactly(ChargeKind.OTHER);
    }

    /** Rows with amounts at their minimal scale, so 100 equals 100.0000000000. */
    private static List<CostRow> normalized(List<CostRow> rows) {
        return rows.stream().map(r -> new CostRow(r.accountId(), r.service(), r.kind(), r.tags(),
                r.amount().stripTrailingZeros(), r.currency())).toList();
    }
}
