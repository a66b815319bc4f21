package dev.tally.audit.chargeback;

import dev.tally.audit.chargeback.allocation.AllocationRules;
import dev.tally.audit.chargeback.allocation.AllocationRulesLoader;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.reconcile.ReconciliationMismatchException;
import dev.tally.audit.chargeback.report.ChargebackReport;
import dev.tally.audit.chargeback.report.CsvRenderer;
import dev.tally.audit.chargeback.report.HtmlRenderer;
import dev.tally.audit.chargeback.report.JsonRenderer;
import dev.tally.audit.chargeback.report.TableRenderer;
import dev.tally.audit.chargeback.run.ChargebackRun;
import dev.tally.audit.chargeback.run.CostSourceFactory;
import dev.tally.audit.chargeback.run.CostSources;
import dev.tally.audit.chargeback.run.MetricArgument;
import dev.tally.audit.chargeback.run.MonthArgument;
import dev.tally.audit.chargeback.run.ReportFormat;
import dev.tally.audit.chargeback.run.ReportWriter;
import dev.tally.audit.chargeback.run.SourceKind;
import dev.tally.audit.chargeback.run.SourceSelection;
import dev.tally.audit.chargeback.source.cur.AthenaQuery;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tally chargeback}: the monthly chargeback report, allocated by the rules file and reconciled to the bill to
 * the cent. A report that does not reconcile is not written (exit 3); bad input writes nothing either (exit 2).
 */
@Command(name = "chargeback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Produces the monthly chargeback report: each owner's cost by service, with support, tax and "
                + "shared costs split by the rules, reconciled to the bill to the cent."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written (or SQL emitted)",
            "2:bad input (flag, month, rules file, CUR columns, empty month, mixed currencies); nothing written",
            "3:the report does not reconcile with the source's total, or the source failed (Athena query failed,"
                    + " cancelled or timed out, access denied); nothing written"})
public final class ChargebackCommand implements Callable<Integer> {
    /** Used when {@code --rules} is not given and the file exists (relative to the working directory). */
    static final Path DEFAULT_RULES = Path.of("policies", "chargeback", "rules.yaml");

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
            description = "The billing month; this month is allowed (provisional figures), future months are not.")
    String month;

    @Option(names = "--source", paramLabel = "cost-explorer|cur|athena",
            description = "Where costs come from. Default: cur when --cur is given, else cost-explorer.")
    String source;

    @Option(names = {"--cur", "--focus"}, arity = "1..*", paramLabel = "<path>",
            description = "CUR 2.0 or FOCUS 1.2 export folders (searched recursively) or .parquet / .csv.gz files;"
                    + " the schema is told from the columns.")
    List<Path> cur = new ArrayList<>();

    @Option(names = "--metric", defaultValue = "amortized", paramLabel = "unblended|amortized|net-amortized",
            description = "Which cost figure. Default: ${DEFAULT-VALUE} (what finance usually signs).")
    String metric;

    @Option(names = "--rules", paramLabel = "<file>",
            description = "Allocation rules. Default: policies/chargeback/rules.yaml if present, else the bundled rules.")
    Path rules;

    @Option(names = "--tag-key", paramLabel = "<key>",
            description = "Name owners by this one tag key instead of the rules' owner-tags.")
    String tagKey;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json|html",
            description = "Report format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "<file or dir>",
            description = "Write the report here (atomically) instead of standard output. A folder gets "
                    + "chargeback-YYYY-MM.<ext>; CSV also writes <name>-reconciliation.csv.")
    String out;

    @Option(names = "--profile", paramLabel = "<name>", description = "AWS profile (Cost Explorer, Athena).")
    String profile;

    @Option(names = "--region", paramLabel = "<region>", description = "Region of the Cost Explorer endpoint (default us-east-1, the commercial partition's) or of the Athena table (default: the configured region).")
    String region;

    @Option(names = "--cache-dir", paramLabel = "<dir>",
            description = "Where closed Cost Explorer months are cached. Default: ~/.cache/tally/cost-explorer.")
    Path cacheDir;

    @Option(names = "--emit-athena-sql",
            description = "Print the CUR aggregation as Amazon Athena SQL for the month instead of a report.")
    boolean emitAthenaSql;

    @Option(names = "--athena-table", defaultValue = "cur_db.cur2", paramLabel = "<db.table>",
            description = "The CUR 2.0 table (partitioned by billing_period) for --source athena and --emit-athena-sql."
                    + " Default: ${DEFAULT-VALUE}.")
    String athenaTable;

    @Option(names = "--athena-workgroup", paramLabel = "<name>",
            description = "The Athena workgroup to run in (--source athena). Default: primary.")
    String athenaWorkgroup;

    @Option(names = "--athena-output", paramLabel = "s3://bucket/prefix/",
            description = "Where Athena writes query results (--source athena). Default: the workgroup's location.")
    String athenaOutput;

    private final CostSourceFactory sources;
    private final Clock clock;

    /** The CLI's command: real sources, the system clock (UTC). */
    public ChargebackCommand() {
        this(new CostSources(), Clock.systemUTC());
    }

    /** A command reading costs from {@code sources}, with "now" from {@code clock} (tests). */
    public ChargebackCommand(CostSourceFactory sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        YearMonth reportMonth = MonthArgument.parse(month, YearMonth.now(clock));
        CostMetric costMetric = MetricArgument.parse(metric);
        ReportFormat reportFormat = ReportFormat.parse(format);
        String rulesOrigin = rulesOrigin();
        AllocationRules allocationRules = loadRules();
        if (tagKey != null) {
            if (tagKey.isBlank()) {
                throw UserFacingException.usage("--tag-key is empty: give a tag key, for example tally:owner");
            }
            allocationRules = allocationRules.withOwnerTagKey(tagKey.strip());
            rulesOrigin += " with --tag-key " + tagKey.strip();
        }
        if (emitAthenaSql) {
            String sql;
            try {
                sql = AthenaQuery.render(athenaTable, reportMonth, costMetric, allocationRules.ownerTagKeys());
            } catch (IllegalArgumentException badTableName) {
                // The renderer refuses anything but [catalog.][database.]table: it is pasted into SQL.
                throw UserFacingException.usage("--athena-table: " + badTableName.getMessage());
            }
            emitSql(sql, reportMonth);
            return ExitCode.OK;
        }
        SourceSelection selection = selection();
        ChargebackRun run = new ChargebackRun(sources.open(selection), allocationRules, rulesOrigin, clock);
        ChargebackReport report;
        try {
            report = run.produce(reportMonth, costMetric);
        } catch (ReconciliationMismatchException mismatch) {
            PrintWriter err = spec.commandLine().getErr();
            mismatch.reconciliation().lines().forEach(line -> err.println("reconciliation: " + line[0] + " " + line[1]));
            throw mismatch;
        }
        write(report, reportFormat);
        return ExitCode.OK;
    }

    private void write(ChargebackReport report, ReportFormat reportFormat) {
        String main = switch (reportFormat) {
            case TABLE -> new TableRenderer().render(report);
            case CSV -> new CsvRenderer().lines(report);
            case JSON -> new JsonRenderer().render(report);
            case HTML -> new HtmlRenderer().render(report);
        };
        Optional<String> reconciliationCsv = reportFormat == ReportFormat.CSV
                ? Optional.of(new CsvRenderer().reconciliation(report)) : Optional.empty();
        String summary = "reconciled: source total " + report.reconciliation().sourceTotal().toPlainString()
                + " = report total " + report.reconciliation().reportTotal().toPlainString() + " "
                + report.currency() + " (unallocated " + report.reconciliation().unallocated().toPlainString() + ")";
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(main);
            stdout.flush();
            // CSV on stdout stays one clean table; the check goes to stderr so a redirect keeps it visible.
            reconciliationCsv.ifPresent(csv -> spec.commandLine().getErr().println(summary));
            return;
        }
        List<Path> targets = ReportWriter.targets(Path.of(out), out, report.month(), reportFormat);
        Map<Path, String> contents = new LinkedHashMap<>();
        contents.put(targets.get(0), main);
        reconciliationCsv.ifPresent(csv -> contents.put(targets.get(1), csv));
        ReportWriter.write(new ReportWriter.ReportFiles(contents));
        spec.commandLine().getOut().println("wrote " + targets.stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + " · " + summary);
    }

    private void emitSql(String text, YearMonth reportMonth) {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        Path outPath = Path.of(out);
        boolean folder = Files.isDirectory(outPath) || out.endsWith("/");
        Path target = folder ? outPath.resolve("chargeback-" + reportMonth + "-athena.sql") : outPath;
        ReportWriter.write(new ReportWriter.ReportFiles(Map.of(target, text)));
        spec.commandLine().getOut().println("wrote " + target);
    }

    private SourceSelection selection() {
        SourceKind kind = source != null ? SourceKind.parse(source) : cur.isEmpty() ? SourceKind.COST_EXPLORER
                : SourceKind.CUR;
        if (kind == SourceKind.CUR && cur.isEmpty()) {
            throw UserFacingException.usage("--source cur needs --cur <folder or files>: the CUR 2.0 export to read");
        }
        if (kind != SourceKind.CUR && !cur.isEmpty()) {
            throw UserFacingException.usage("--cur is for --source cur; drop --cur to use " + kind.flag());
        }
        if (kind != SourceKind.ATHENA && (athenaWorkgroup != null || athenaOutput != null)) {
            throw UserFacingException.usage("--athena-workgroup and --athena-output are for --source athena");
        }
        return new SourceSelection(kind, cur, Optional.ofNullable(profile), Optional.ofNullable(region),
                Optional.ofNullable(cacheDir), new SourceSelection.AthenaTarget(athenaTable,
                        Optional.ofNullable(athenaWorkgroup), Optional.ofNullable(athenaOutput)),
                line -> spec.commandLine().getErr().println(line));
    }

    private AllocationRules loadRules() {
        AllocationRulesLoader loader = new AllocationRulesLoader();
        if (rules != null) {
            return loader.load(rules);
        }
        return Files.isRegularFile(DEFAULT_RULES) ? loader.load(DEFAULT_RULES) : loader.loadBundled();
    }

    private String rulesOrigin() {
        if (rules != null) {
            return rules.toString();
        }
        return Files.isRegularFile(DEFAULT_RULES) ? DEFAULT_RULES.toString() : "bundled default rules";
    }
}
