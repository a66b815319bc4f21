package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tally chargeback} end to end, through the real entry point, the real CUR source (DuckDB) and the sample CUR 2.0
 * export committed under {@code examples/chargeback/}, with the repository's rules.
 */
@DisplayName("tally chargeback over the sample CUR (end to end)")
class ChargebackEndToEndTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String PARQUET = REPO.resolve("examples/chargeback/cur").toString();
    private static final String CSV_GZ = REPO.resolve("examples/chargeback/cur-csv").toString();
    private static final String RULES = REPO.resolve("policies/chargeback/rules.yaml").toString();
    private static final String FOCUS = REPO.resolve("examples/chargeback/focus").toString();

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result tally(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TallyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    @DisplayName("the table reconciles to the cent and compares with the previous month")
    void table() {
        Result result = tally("chargeback", "--month", "2025-10", "--cur", PARQUET, "--rules", RULES);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("Chargeback 2025-10 · amortized cost · USD · month closed")
                .contains("vs 2025-09: ").contains("difference 0.00").contains("status reconciled")
                .containsPattern("(?m)^payments\\s+commerce\\s+[\\d,]+\\.\\d\\d");
    }

    @Test
    @DisplayName("CSV to a folder: the owner × service lines add up to the source total in the reconciliation file")
    void csvAddsUpToTheSourceTotal() throws IOException {
        Result result = tally("chargeback", "--month", "2025-10", "--cur", PARQUET, "--rules", RULES, "-o", "csv",
                "--output-file", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("chargeback-2025-10.csv"));
        BigDecimal sum = lines.stream().skip(1).map(l -> new BigDecimal(l.substring(l.lastIndexOf(',') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String sourceTotal = Files.readAllLines(dir.resolve("chargeback-2025-10-reconciliation.csv")).stream()
                .filter(l -> l.startsWith("source_total,")).findFirst().orElseThrow().split(",")[1];
        assertThat(sum).isEqualByComparingTo(sourceTotal);
        assertThat(lines.get(0)).isEqualTo("month,metric,currency,department,owner,service,direct,untagged_share,"
                + "shared_share,total");
        assertThat(lines).anyMatch(l -> l.contains(",(unallocated),"));
    }

    @Test
    @DisplayName("the Parquet and the CSV.gz exports of the same months give the same report")
    void parquetAndCsvAgree() throws IOException {
        Result parquet = tally("chargeback", "--month", "2025-10", "--cur", PARQUET, "--rules", RULES, "-o",
                "json");
        Result csv = tally("chargeback", "--month", "2025-10", "--cur", CSV_GZ, "--rules", RULES, "-o", "json");

        assertThat(parquet.exitCode()).as(parquet.err()).isZero();
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(parquet.out());
        JsonNode b = new ObjectMapper().readTree(csv.out());
        assertThat(a.get("owners")).isEqualTo(b.get("owners"));
        assertThat(a.get("reconciliation")).isEqualTo(b.get("reconciliation"));
        assertThat(a.at("/previousMonth/available").asBoolean()).isTrue();
        assertThat(a.at("/headline/changePercent").isNumber()).isTrue();
    }

    @Test
    @DisplayName("a FOCUS 1.2 export (--focus) reconciles with the same rules, and the report names the schema")
    void focus() throws IOException {
        Result result = tally("chargeback", "--month", "2025-10", "--focus", FOCUS, "--rules", RULES, "-o",
                "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.toString()).contains("FOCUS 1.2 ");
        assertThat(new BigDecimal(report.at("/reconciliation/sourceTotal").asText()))
                .isEqualByComparingTo("275.87");
        assertThat(report.at("/previousMonth/available").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("HTML to a file is written whole, self-contained, with the reconciliation")
    void html() throws IOException {
        Path page = dir.resolve("october.html");
        Result result = tally("chargeback", "--month", "2025-10", "--cur", PARQUET, "--rules", RULES, "-o",
                "html", "--output-file", page.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("id=\"owner-chart\"").contains("reconciled")
                .doesNotContain("<script");
        assertThat(filesIn(dir)).containsExactly(page);
    }

    @Test
    @DisplayName("a month the CUR does not have: one line naming the months it has, exit 2, nothing written")
    void monthNotInTheCur() throws IOException {
        Result result = tally("chargeback", "--month", "2025-08", "--cur", PARQUET, "--rules", RULES, "-o",
                "html", "--output-file", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("tally: ")
                .contains("no line items for 2025-08").contains("2025-09, 2025-10");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    @DisplayName("an owner tag key the CUR does not have: one line, exit 2, nothing written")
    void unknownTagKey() throws IOException {
        Result result = tally("chargeback", "--month", "2025-10", "--cur", PARQUET, "--rules", RULES, "--tag-key",
                "costcentre", "-o", "csv", "--output-file", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).singleElement().asString().contains("unknown tag key costcentre");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    @DisplayName("a CSV that is not a CUR 2.0 export (missing columns): one line, exit 2, nothing written")
    void missingCurColumns() throws IOException {
        Path notACur = Files.writeString(dir.resolve("costs.csv"), "account,amount\n111111111111,12.50\n");
        Path out = Files.createDirectory(dir.resolve("reports"));

        Result result = tally("chargeback", "--month", "2025-10", "--cur", notACur.toString(), "--rules", RULES,
                "-o", "json", "--output-file", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("tally: ").containsIgnoringCase("column");
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    @DisplayName("a future month is refused before anything is read")
    void futureMonth() {
        Result result = tally("chargeback", "--month", "2999-01", "--cur", PARQUET);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("tally: --month 2999-01 is in the future");
    }

    @Test
    @DisplayName("--help lists every flag and the exit codes")
    void help() {
        Result result = tally("chargeback", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(Arrays.asList("--month", "--source", "--cur", "--metric", "--rules", "--tag-key", "-o",
                "--output-file", "--profile", "--region", "--cache-dir", "--emit-athena-sql", "--athena-table", "Exit codes"))
                .allSatisfy(flag -> assertThat(result.out()).contains(flag));
    }
}
