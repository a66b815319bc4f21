package dev.tally.audit.chargeback.source.cur;

import static dev.tally.audit.chargeback.source.cur.MarchBill.A;
import static dev.tally.audit.chargeback.source.cur.MarchBill.B;
import static dev.tally.audit.chargeback.source.cur.MarchBill.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.UserFacingException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CUR source (DuckDB over real Parquet and CSV.gz files)")
class CurSourceTest {
    @TempDir
    static Path dir;
    static Path parquet;
    static Path csv;

    @BeforeAll
    static void writeFiles() throws Exception {
        parquet = CurFixture.parquet(dir.resolve("export/BILLING_PERIOD=2025-03/part-0.parquet"),
                MarchBill.lineItems(), Set.of());
        // CSV exports carry no net columns here: net amortized must fall back to gross columns.
        csv = CurFixture.csvGz(dir.resolve("csv/part-0.csv.gz"), MarchBill.lineItems(),
                Set.copyOf(CurColumns.NET_COLUMNS));
    }

    private static MonthlyCost load(Path input, CostMetric metric, List<String> tags) {
        return new CurSource(List.of(input), DuckDbSettings.defaults()).load(MARCH, metric, tags);
    }

    private static CostRow row(String account, String service, ChargeKind kind, Map<String, String> tags,
            String amount) {
        return new CostRow(account, service, kind, tags, new BigDecimal(amount), "USD");
    }

    private static final List<CostRow> AMORTIZED_BY_TEAM = List.of(
            row(A, "AmazonEC2", ChargeKind.USAGE, Map.of("team", "payments"), "100"),
            row(A, "AmazonEC2", ChargeKind.DISCOUNTED_USAGE, Map.of("team", "payments"), "30"),
            row(A, "ComputeSavingsPlans", ChargeKind.COMMITMENT_FEE, Map.of(), "10"),
            row(B, "AmazonRDS", ChargeKind.DISCOUNTED_USAGE, Map.of("team", "search"), "20"),
            row(B, "AmazonRDS", ChargeKind.COMMITMENT_FEE, Map.of(), "3.75"),
            row(B, "AmazonS3", ChargeKind.USAGE, Map.of(), "15.123456789"),
            row(A, "AWSSupportBusiness", ChargeKind.SUPPORT, Map.of(), "100"),
            row(A, "AmazonEC2", ChargeKind.TAX, Map.of(), "12"),
            row(A, "AmazonEC2", ChargeKind.CREDIT, Map.of("team", "payments"), "-25"),
            row(B, "AmazonS3", ChargeKind.REFUND, Map.of("team", "search"), "-3"),
            row(B, "AmazonEC2", ChargeKind.USAGE, Map.of(), "7"));

    @Test
    @DisplayName("amortized cost from Parquet: SP and RI amortized, upfront and negations zero, untagged kept")
    void amortizedParquet() {
        MonthlyCost cost = load(dir.resolve("export"), CostMetric.AMORTIZED, List.of("team"));
        assertThat(normalized(cost.rows())).containsExactlyInAnyOrderElementsOf(normalized(AMORTIZED_BY_TEAM));
        assertThat(cost.sourceTotal()).isEqualByComparingTo("269.873456789");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(cost.metric()).isEqualTo(CostMetric.AMORTIZED);
        assertThat(cost.month()).isEqualTo(MARCH);
    }

    @Test
    @DisplayName("amortized cost from gzipped CSV (tags as JSON text) equals the Parquet answer")
    void amortizedCsv() {
        MonthlyCost cost = load(csv, CostMetric.AMORTIZED, List.of("team"));
        assertThat(normalized(cost.rows())).containsExactlyInAnyOrderElementsOf(normalized(AMORTIZED_BY_TEAM));
        assertThat(cost.sourceTotal()).isEqualByComparingTo("269.873456789");
    }

    @Test
    @DisplayName("unblended cost is line_item_unblended_cost for every type, Savings Plan negation included")
    void unblended() {
        MonthlyCost cost = load(parquet, CostMetric.UNBLENDED, List.of());
        assertThat(cost.sourceTotal()).isEqualByComparingTo("381.123456789");
        assertThat(amountOf(cost, A, "AmazonEC2", ChargeKind.DISCOUNT)).isEqualByComparingTo("-50");
        assertThat(amountOf(cost, B, "AmazonRDS", ChargeKind.FEE)).isEqualByComparingTo("120");
        assertThat(amountOf(cost, B, "AmazonRDS", ChargeKind.COMMITMENT_FEE)).isEqualByComparingTo("15");
        assertThat(cost.rows()).allSatisfy(r -> assertThat(r.tags()).isEmpty());
    }

    @Test
    @DisplayName("net amortized uses net columns where present and gross columns elsewhere")
    void netAmortized() {
        assertThat(load(parquet, CostMetric.NET_AMORTIZED, List.of()).sourceTotal())
                .isEqualByComparingTo("256.873456789");
        assertThat(load(csv, CostMetric.NET_AMORTIZED, List.of()).sourceTotal())
                .as("a CSV without net columns falls back to amortized").isEqualByComparingTo("269.873456789");
    }

    @Test
    @DisplayName("the rows add up to the independently queried source total, in every metric")
    void rowsReconcile() {
        for (CostMetric metric : CostMetric.values()) {
            MonthlyCost cost = load(parquet, metric, List.of("team", "env"));
            BigDecimal sum = cost.rows().stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(metric.name()).isEqualByComparingTo(cost.sourceTotal());
        }
    }

    @Test
    @DisplayName("two tag keys group by both; a key given in CUR form (user_env) works too")
    void twoTagKeys() {
        MonthlyCost cost = load(parquet, CostMetric.UNBLENDED, List.of("team", "user_env"));
        assertThat(cost.rows()).anySatisfy(r -> {
            assertThat(r.accountId()).isEqualTo(B);
            assertThat(r.service()).isEqualTo("AmazonEC2");
            assertThat(r.tags()).isEqualTo(Map.of("user_env", "prod"));
            assertThat(r.amount()).isEqualByComparingTo("7");
        });
    }

    @Test
    @DisplayName("in BILLING_PERIOD= folders another month's files are not read (the query names the partition)")
    void partitionPruning() throws Exception {
        Path export = dir.resolve("partitioned");
        CurFixture.parquet(export.resolve("BILLING_PERIOD=2025-03/part-0.parquet"), MarchBill.lineItems(), Set.of());
        // A March line item misfiled under February: read only if DuckDB opened February's folder for March.
        CurFixture.parquet(export.resolve("BILLING_PERIOD=2025-02/part-0.parquet"),
                List.of(LineItem.of(A, "AmazonEC2", "Usage", "1000.00")), Set.of());
        assertThat(load(export, CostMetric.UNBLENDED, List.of()).sourceTotal()).isEqualByComparingTo("381.123456789");
        // The same two files outside partition folders: both are read and the row predicate decides.
        Path flat = dir.resolve("flat");
        Files.createDirectories(flat);
        Files.copy(export.resolve("BILLING_PERIOD=2025-03/part-0.parquet"), flat.resolve("march.parquet"));
        Files.copy(export.resolve("BILLING_PERIOD=2025-02/part-0.parquet"), flat.resolve("misfiled.parquet"));
        assertThat(load(flat, CostMetric.UNBLENDED, List.of()).sourceTotal()).isEqualByComparingTo("1381.123456789");
    }

    @Test
    @DisplayName("a month whose every line item has an invoice id is closed; one without makes it open")
    void monthClosed() throws Exception {
        assertThat(load(parquet, CostMetric.UNBLENDED, List.of()).monthClosed()).isTrue();
        List<LineItem> items = new ArrayList<>(MarchBill.lineItems());
        items.add(LineItem.of(A, "AmazonEC2", "Usage", "1.00").invoice(""));
        Path open = CurFixture.parquet(dir.resolve("open/cur.parquet"), items, Set.of());
        MonthlyCost cost = load(open, CostMetric.UNBLENDED, List.of());
        assertThat(cost.monthClosed()).isFalse();
        assertThat(cost.sourceTotal()).isEqualByComparingTo("382.123456789");
    }

    @Test
    @DisplayName("missing required columns: one error naming every column and the file")
    void missingColumns() throws Exception {
        Path bad = CurFixture.parquet(dir.resolve("bad/no-sp.parquet"), MarchBill.lineItems(),
                Set.of(CurColumns.SP_EFFECTIVE, CurColumns.RI_EFFECTIVE));
        assertThatThrownBy(() -> load(bad, CostMetric.AMORTIZED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("savings_plan_savings_plan_effective_cost, reservation_effective_cost");
        assertThat(load(bad, CostMetric.UNBLENDED, List.of()).sourceTotal())
                .as("unblended does not need amortization columns").isEqualByComparingTo("381.123456789");
    }

    @Test
    @DisplayName("mixed currencies in the month: a clear error naming both")
    void mixedCurrencies() throws Exception {
        List<LineItem> items = new ArrayList<>(MarchBill.lineItems());
        items.add(LineItem.of(B, "AmazonEC2", "Usage", "1.00").currency("EUR"));
        Path mixed = CurFixture.parquet(dir.resolve("mixed/cur.parquet"), items, Set.of());
        assertThatThrownBy(() -> load(mixed, CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("mixes currencies").hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    @DisplayName("a month absent from the CUR: a clear error listing the months present (folders, else rows)")
    void emptyMonth() {
        assertThatThrownBy(() -> new CurSource(List.of(parquet), DuckDbSettings.defaults())
                .load(java.time.YearMonth.of(2025, 7), CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no line items for 2025-07")
                .hasMessageContaining("(billing periods present: 2025-03)");
        assertThatThrownBy(() -> new CurSource(List.of(csv), DuckDbSettings.defaults())
                .load(java.time.YearMonth.of(2025, 7), CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("(billing periods present: 2025-02, 2025-03)");
    }

    @Test
    @DisplayName("a corrupt file: a clear error naming it, no stack trace")
    void corruptFile() throws Exception {
        Path corrupt = Files.createDirectories(dir.resolve("corrupt")).resolve("part-0.parquet");
        Files.write(corrupt, "PAR1 this is not parquet at all, just text pretending".getBytes());
        assertThatThrownBy(() -> load(corrupt, CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("cannot read CUR file " + corrupt);
    }

    @Test
    @DisplayName("a truncated CSV.gz: a clear error naming the CUR files, no stack trace")
    void truncatedCsv() throws Exception {
        byte[] whole = Files.readAllBytes(csv);
        Path truncated = Files.createDirectories(dir.resolve("truncated")).resolve("part-0.csv.gz");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> load(truncated, CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(truncated.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("an unknown tag key: a clear error listing the keys resource_tags has")
    void unknownTagKey() {
        assertThatThrownBy(() -> load(parquet, CostMetric.UNBLENDED, List.of("tema")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("unknown tag key tema (looked for user_tema)")
                .hasMessageContaining("user_env, user_team");
        assertThatThrownBy(() -> load(csv, CostMetric.UNBLENDED, List.of("owner")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("user_env, user_team");
    }

    @Test
    @DisplayName("inputs that do not exist or mix formats are refused before any query")
    void badInputs() {
        assertThatThrownBy(() -> load(dir.resolve("nope"), CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new CurSource(List.of(parquet, csv), DuckDbSettings.defaults())
                .load(MARCH, CostMetric.UNBLENDED, List.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("mix Parquet");
    }

    @Test
    @DisplayName("line item count of the month is reported for provenance and the benchmark")
    void lineItemCount() {
        CurLoad load = new CurSource(List.of(parquet), DuckDbSettings.defaults().withMemoryLimit("256MB"))
                .loadWithStats(MARCH, CostMetric.UNBLENDED, List.of());
        assertThat(load.lineItems()).isEqualTo(14);
    }

    private static BigDecimal amountOf(MonthlyCost cost, String account, String service, ChargeKind kind) {
        return cost.rows().stream()
                .filter(r -> r.accountId().equals(account) && r.service().equals(service) && r.kind() == kind)
                .map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Rows with amounts at their minimal scale, so 100 equals 100.0000000000. */
    private static List<CostRow> normalized(List<CostRow> rows) {
        return rows.stream().map(r -> new CostRow(r.accountId(), r.service(), r.kind(), r.tags(),
                r.amount().stripTrailingZeros(), r.currency())).toList();
    }
}
