package dev.tally.audit.chargeback.run;

import static dev.tally.audit.chargeback.run.OctoberBill.CLOCK;
import static dev.tally.audit.chargeback.run.OctoberBill.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("tally chargeback (command, over a hand-computed month)")
class ChargebackCommandTest {
    @TempDir
    Path dir;

    private CommandResult run(InMemorySource source, String... args) {
        return CommandResult.run(selection -> source, CLOCK, args);
    }

    private String rules() throws IOException {
        return OctoberBill.rulesFile(dir).toString();
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    @DisplayName("the table shows owners, month-over-month, untagged share and the reconciliation")
    void table() throws IOException {
        CommandResult result = run(OctoberBill.bothMonths(), "--month", "2026-10", "--cur", "x", "--rules", rules());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains("Chargeback 2026-10 · amortized cost · USD · month closed")
                .contains("Total 454.00 USD · vs 2026-09: +104.00 (+29.7%) · untagged 20.00 (4.4%)")
                .containsPattern("payments\\s+commerce\\s+290.00\\s+0.00\\s+32.71\\s+322.71\\s+250.00\\s+\\+72.71")
                .containsPattern("search\\s+discovery\\s+100.00\\s+0.00\\s+11.29\\s+111.29\\s+100.00\\s+\\+11.29")
                .containsPattern("\\(unallocated\\)\\s+-\\s+0.00\\s+20.00\\s+0.00\\s+20.00")
                .contains("Reconciliation (USD): source total 454.00 · report total 454.00 · difference 0.00 · "
                        + "allocated 434.00 · unallocated 20.00 · status reconciled");
    }

    @Test
    @DisplayName("CSV: one owner × service row each, plain amounts, and the reconciliation in a second file")
    void csvToFolder() throws IOException {
        Path out = Files.createDirectory(dir.resolve("reports"));
        CommandResult result = run(OctoberBill.bothMonths(), "--month", "2026-10", "--cur", "x", "--rules", rules(),
                "-o", "csv", "--output-file", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String csv = Files.readString(out.resolve("chargeback-2026-10.csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).containsExactly(
                "month,metric,currency,department,owner,service,direct,untagged_share,shared_share,total",
                "2026-10,amortized,USD,commerce,payments,Amazon Elastic Compute Cloud,290.00,0.00,0.00,290.00",
                "2026-10,amortized,USD,commerce,payments,AWS Support (Business),0.00,0.00,29.74,29.74",
                "2026-10,amortized,USD,commerce,payments,Tax,0.00,0.00,2.97,2.97",
                "2026-10,amortized,USD,discovery,search,Amazon Elastic Compute Cloud,100.00,0.00,0.00,100.00",
                "2026-10,amortized,USD,discovery,search,AWS Support (Business),0.00,0.00,10.26,10.26",
                "2026-10,amortized,USD,discovery,search,Tax,0.00,0.00,1.03,1.03",
                "2026-10,amortized,USD,,(unallocated),Amazon Simple Storage Service,0.00,20.00,0.00,20.00");
        assertThat(Files.readString(out.resolve("chargeback-2026-10-reconciliation.csv")))
                .contains("source_total,454.00\r\n").contains("report_total,454.00\r\n")
                .contains("difference,0.00\r\n").contains("unallocated,20.00\r\n").contains("status,reconciled\r\n");
        assertThat(result.err()).contains("reconciled: source total 454.00 = report total 454.00 USD");
        assertThat(result.out()).as("the report went to the file; stdout stays empty").isEmpty();
        assertThat(filesIn(out)).hasSize(2);
    }

    @Test
    @DisplayName("JSON: documented fields, exact amounts, and null (not 0%) when there is no previous month")
    void jsonWithoutPreviousMonth() throws IOException {
        InMemorySource onlyOctober = new InMemorySource(Map.of(OCTOBER, OctoberBill.october("454.00")));
        CommandResult result = run(onlyOctober, "--month", "2026-10", "--cur", "x", "--rules", rules(), "-o",
                "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("month").asText()).isEqualTo("2026-10");
        assertThat(json.get("metric").asText()).isEqualTo("amortized");
        assertThat(json.get("closed").asBoolean()).isTrue();
        assertThat(json.at("/headline/total").decimalValue()).isEqualByComparingTo("454.00");
        assertThat(json.at("/headline/change").isNull()).isTrue();
        assertThat(json.at("/headline/changePercent").isNull()).isTrue();
        assertThat(json.at("/headline/untaggedPercent").decimalValue()).isEqualByComparingTo("4.4");
        assertThat(json.at("/previousMonth/available").asBoolean()).isFalse();
        assertThat(json.at("/previousMonth/note").asText()).contains("no line items for 2026-09");
        assertThat(json.at("/reconciliation/difference").decimalValue()).isZero();
        assertThat(json.at("/reconciliation/status").asText()).isEqualTo("reconciled");
        assertThat(json.at("/owners/0/owner").asText()).isEqualTo("payments");
        assertThat(json.at("/owners/0/total").decimalValue()).isEqualByComparingTo("322.71");
        assertThat(json.at("/owners/0/services/1/shared").decimalValue()).isEqualByComparingTo("29.74");
        assertThat(json.at("/departments/0/department").asText()).isEqualTo("commerce");
        assertThat(result.out()).contains("\"total\" : 454.00");
    }

    @Test
    @DisplayName("a reconciliation mismatch exits 4, prints the check to stderr, and writes nothing")
    void mismatch() throws IOException {
        InMemorySource offByACent = new InMemorySource(Map.of(OCTOBER, OctoberBill.october("454.01")));
        Path out = Files.createDirectory(dir.resolve("reports"));

        CommandResult result = run(offByACent, "--month", "2026-10", "--cur", "x", "--rules", rules(),
                "-o", "html", "--output-file", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.UNRECONCILED);
        assertThat(result.err()).contains("reconciliation: source total 454.01")
                .contains("reconciliation: report total 454.00").contains("reconciliation: difference -0.01")
                .contains("reconciliation: status MISMATCH")
                .contains("tally: the report does not reconcile: report total 454.00 USD vs source total 454.01 USD "
                        + "(difference -0.01); no report written");
        assertThat(result.out()).isEmpty();
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    @DisplayName("bad input from the source (mixed currencies) exits 2 with its one line, and writes nothing")
    void sourceRejectsInput() throws IOException {
        Path target = dir.resolve("report.html");
        CommandResult result = CommandResult.run(selection -> (month, metric, keys) -> {
            throw UserFacingException.usage("the CUR mixes currencies in 2026-10 (USD, EUR)");
        }, CLOCK, "--month", "2026-10", "--cur", "x", "--rules", rules(), "-o", "html", "--output-file",
                target.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("tally: the CUR mixes currencies in 2026-10 (USD, EUR)" + System.lineSeparator());
        assertThat(target).doesNotExist();
        assertThat(filesIn(dir)).containsExactly(dir.resolve("rules.yaml"));
    }

    @Test
    @DisplayName("a malformed or future month is one clear line, exit 2")
    void badMonths() {
        CommandResult malformed = run(OctoberBill.bothMonths(), "--month", "2026-13", "--cur", "x");
        CommandResult future = run(OctoberBill.bothMonths(), "--month", "2026-12", "--cur", "x");

        assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(malformed.err()).isEqualTo("tally: --month '2026-13' is not a month: use YYYY-MM, for example 2026-10"
                + System.lineSeparator());
        assertThat(future.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(future.err()).contains("--month 2026-12 is in the future (this month is 2026-11)");
    }

    @Test
    @DisplayName("the current month is allowed and flagged provisional")
    void openMonth() throws IOException {
        MonthlyCost november = new MonthlyCost(OctoberBill.OCTOBER.plusMonths(1), OctoberBill.october("454.00").metric(),
                OctoberBill.october("454.00").rows(), new java.math.BigDecimal("454.00"), "USD", false, "test bill");
        CommandResult result = run(new InMemorySource(Map.of(november.month(), november)), "--month", "2026-11",
                "--cur", "x", "--rules", rules());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("month OPEN (provisional)").contains("2026-11 is not closed yet");
    }

    @Test
    @DisplayName("--tag-key replaces the owner tags: here everything tagged only by tally:owner")
    void tagKeyOverride() throws IOException {
        InMemorySource source = OctoberBill.bothMonths();
        CommandResult result = run(source, "--month", "2026-10", "--cur", "x", "--rules", rules(), "--tag-key",
                "tally:owner", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(source.requestedTagKeys.get(0)).containsExactly("tally:owner");
        JsonNode json = new ObjectMapper().readTree(result.out());
        // Payments' rows carry only tally:cost-center, so under tally:owner they are untagged.
        assertThat(json.at("/headline/untaggedSpend").decimalValue()).isEqualByComparingTo("310.00");
        assertThat(json.get("rules").asText()).endsWith("with --tag-key tally:owner");
    }

    @Test
    @DisplayName("flags that contradict each other, or a bad format/metric, are usage errors")
    void badFlags() throws IOException {
        assertThat(run(OctoberBill.bothMonths(), "--month", "2026-10", "--source", "cur").err())
                .contains("--source cur needs --cur <folder or files>");
        assertThat(run(OctoberBill.bothMonths(), "--month", "2026-10", "-o", "pdf").err())
                .contains("-o/--output: unknown format 'pdf' (valid: table, csv, json, html)");
        assertThat(run(OctoberBill.bothMonths(), "--month", "2026-10", "--metric", "blended").err())
                .contains("--metric 'blended' is not one of unblended, amortized, net-amortized");
        CommandResult badRules = run(OctoberBill.bothMonths(), "--month", "2026-10", "--cur", "x", "--rules",
                Files.writeString(dir.resolve("bad.yaml"), "owner-tags: []\nshared: {}\n").toString());
        assertThat(badRules.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badRules.err()).contains("bad.yaml: owner-tags: list at least one tag key")
                .contains("shared: must be a list");
    }

    @Test
    @DisplayName("Cost Explorer gets the rules' owner tags in order, all of them (the ordered fallback)")
    void costExplorerOwnerTags() throws IOException {
        InMemorySource source = OctoberBill.bothMonths();
        CommandResult result = CommandResult.run(selection -> {
            assertThat(selection.kind()).isEqualTo(SourceKind.COST_EXPLORER);
            return source;
        }, CLOCK, "--month", "2026-10", "--source", "cost-explorer", "--rules", rules());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(source.requestedTagKeys.get(0)).containsExactly("tally:cost-center", "tally:owner");
    }

    @Test
    @DisplayName("--emit-athena-sql prints the month's Athena query for the chosen table, without loading costs")
    void athenaSql() throws IOException {
        CommandResult result = CommandResult.run(selection -> {
            throw new AssertionError("no source may be opened");
        }, CLOCK, "--month", "2026-10", "--rules", rules(), "--emit-athena-sql", "--athena-table", "billing.cur2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("billing.cur2").contains("2026-10");
    }

    @Test
    @DisplayName("--athena-table that is not [catalog.][database.]table is a usage error (exit 2), not SQL")
    void athenaTableInjection() throws IOException {
        CommandResult result = CommandResult.run(selection -> {
            throw new AssertionError("no source may be opened");
        }, CLOCK, "--month", "2026-10", "--rules", rules(), "--emit-athena-sql", "--athena-table", "x;drop");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--athena-table: table name 'x;drop' must be");
        assertThat(result.out()).doesNotContain("SELECT");
    }

    @Test
    @DisplayName("--cur-engine is gone with the direct Parquet reader: DuckDB is the one engine, the flag exit 2")
    void curEngineRemoved() throws IOException {
        CommandResult result = run(OctoberBill.bothMonths(), "--month", "2026-10", "--cur", "x", "--rules", rules(),
                "--cur-engine", "duckdb");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cur-engine");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("--source athena hands the table, workgroup and output location to the source")
    void athenaSelection() throws IOException {
        java.util.List<SourceSelection> selections = new java.util.ArrayList<>();
        CommandResult result = CommandResult.run(selection -> {
            selections.add(selection);
            return OctoberBill.bothMonths();
        }, CLOCK, "--month", "2026-10", "--rules", rules(), "--source", "athena", "--athena-table", "billing.cur2",
                "--athena-workgroup", "finops", "--athena-output", "s3://results/tally/", "--region", "eu-west-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(selections).singleElement().satisfies(selection -> {
            assertThat(selection.kind()).isEqualTo(SourceKind.ATHENA);
            assertThat(selection.athena()).isEqualTo(new SourceSelection.AthenaTarget("billing.cur2",
                    java.util.Optional.of("finops"), java.util.Optional.of("s3://results/tally/")));
        });
    }

    @Test
    @DisplayName("Athena flags without --source athena, or --cur with it, are usage errors before any source opens")
    void athenaFlagsNeedTheAthenaSource() throws IOException {
        CommandResult workgroup = CommandResult.run(selection -> {
            throw new AssertionError("no source may be opened");
        }, CLOCK, "--month", "2026-10", "--rules", rules(), "--cur", "x", "--athena-workgroup", "finops");
        CommandResult cur = CommandResult.run(selection -> {
            throw new AssertionError("no source may be opened");
        }, CLOCK, "--month", "2026-10", "--rules", rules(), "--source", "athena", "--cur", "x");

        assertThat(workgroup.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(workgroup.err()).contains("--athena-workgroup and --athena-output are for --source athena");
        assertThat(cur.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cur.err()).contains("--cur is for --source cur; drop --cur to use athena");
    }
}
