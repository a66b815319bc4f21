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
import dev.tally.audit.common.aws.AwsProfiles;
import dev.tally.audit.common.cli.AwsOptions;
import dev.tally.audit.common.cli.ConfigOption;
import dev.tally.audit.common.cli.Console;
import dev.tally.audit.common.cli.OutputOptions;
import dev.tally.audit.common.config.PolicyKind;
import dev.tally.audit.common.config.PolicySource;
import dev.tally.audit.common.io.ReportFiles;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tally chargeback}: the monthly chargeback report, allocated by the rules file and reconciled to the bill to
 * the cent. Flags and exit codes follow the CLI's one convention ({@link ExitCode}): a report that does not reconcile
 * is not written (exit 4), bad input writes nothing (exit 2), an AWS failure is named with the operation, region and
 * account (exit 3).
 */
@Command(name = "chargeback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Produces the monthly chargeback report: each owner's cost by service, with support, tax and "
                + "shared costs split by the rules, reconciled to the bill to the cent."})
public final class ChargebackCommand implements Callable<Integer> {
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
            description = "Allocation rules. Default: tally.yaml's 'rules', else the bundled default rules.")
    Path rules;

    @CommandLine.Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--tag-key", paramLabel = "<key>",
            description = "Name owners by this one tag key instead of the rules' owner-tags.")
    String tagKey;

    @Option(names = {"-o", "--output"}, paramLabel = "table|csv|json|html",
            description = "Report format. Default: table. A folder as --output-file gets chargeback-YYYY-MM.<ext>; "
                    + "CSV also writes <name>-reconciliation.csv.")
    String output;

    @Option(names = "--format", hidden = true, paramLabel = "FORMAT",
            description = "Deprecated spelling of -o/--output (removed in the next release).")
    String deprecatedFormat;

    @Option(names = "--out", hidden = true, paramLabel = "PATH",
            description = "Deprecated spelling of --output-file (removed in the next release).")
    String deprecatedOut;

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    @CommandLine.Mixin
    AwsOptions aws = new AwsOptions();

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

    private final Path workingDir;

    /** The CLI's command: real sources, the system clock (UTC), tally.yaml looked for from the current folder. */
    public ChargebackCommand() {
        this(new CostSources(), Clock.systemUTC());
    }

    /** A command reading costs from {@code sources}, with "now" from {@code clock} (tests). */
    public ChargebackCommand(CostSourceFactory sources, Clock clock) {
        this(sources, clock, Path.of("").toAbsolutePath());
    }

    /** As above, looking for {@code tally.yaml} from {@code workingDir} upwards. */
    public ChargebackCommand(CostSourceFactory sources, Clock clock, Path workingDir) {
        this.sources = sources;
        this.clock = clock;
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), outputOptions.quiet());
        ReportFormat reportFormat = ReportFormat.parse(format(console));
        destination(console);
        YearMonth reportMonth = MonthArgument.parse(month, YearMonth.now(clock));
        CostMetric costMetric = MetricArgument.parse(metric);
        PolicySource rulesSource = config.load(workingDir).choose(PolicyKind.RULES, rules);
        String rulesOrigin = rulesSource.description();
        AllocationRulesLoader loader = new AllocationRulesLoader();
        AllocationRules allocationRules = rulesSource.file().map(loader::load).orElseGet(loader::loadBundled);
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
            emitSql(sql, reportMonth, console);
            return ExitCode.OK;
        }
        SourceSelection selection = selection(console);
        ChargebackRun run = new ChargebackRun(sources.open(selection), allocationRules, rulesOrigin, clock);
        ChargebackReport report;
        try {
            report = run.produce(reportMonth, costMetric);
        } catch (ReconciliationMismatchException mismatch) {
            PrintWriter err = spec.commandLine().getErr();
            mismatch.reconciliation().lines().forEach(line -> err.println("reconciliation: " + line[0] + " " + line[1]));
            throw mismatch;
        }
        write(report, reportFormat, console);
        return ExitCode.OK;
    }

    /** {@code -o/--output}, or the deprecated {@code --format} with its deprecation line; both at once must agree. */
    private String format(Console console) {
        if (deprecatedFormat == null) {
            return output == null ? "table" : output;
        }
        console.deprecated("--format", "-o/--output");
        if (output != null && !output.strip().equalsIgnoreCase(deprecatedFormat.strip())) {
            throw UserFacingException.usage("-o/--output " + output + " and --format " + deprecatedFormat
                    + " disagree: give only -o/--output");
        }
        return deprecatedFormat;
    }

    /** {@code --output-file}, or the deprecated {@code --out} with its deprecation line; not both. */
    private void destination(Console console) {
        if (deprecatedOut == null) {
            return;
        }
        console.deprecated("--out", "--output-file");
        if (outputOptions.outputFileText() != null) {
            throw UserFacingException.usage("--output-file and --out both given: give only --output-file");
        }
        outputOptions.outputFile(deprecatedOut);
    }

    private void write(ChargebackReport report, ReportFormat reportFormat, Console console) {
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
        String out = outputOptions.outputFileText();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(main);
            stdout.flush();
            // CSV on stdout stays one clean table; the check goes to stderr so a redirect keeps it visible.
            reconciliationCsv.ifPresent(csv -> console.status(summary));
            return;
        }
        List<Path> targets = ReportWriter.targets(Path.of(out), out, report.month(), reportFormat);
        Map<Path, String> contents = new LinkedHashMap<>();
        contents.put(targets.get(0), main);
        reconciliationCsv.ifPresent(csv -> contents.put(targets.get(1), csv));
        ReportFiles.write(contents);
        console.status("wrote " + targets.stream().map(Path::toString).collect(Collectors.joining(", ")) + " · "
                + summary);
    }

    private void emitSql(String text, YearMonth reportMonth, Console console) {
        String out = outputOptions.outputFileText();
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        Path outPath = Path.of(out);
        boolean folder = Files.isDirectory(outPath) || out.endsWith("/");
        Path target = folder ? outPath.resolve("chargeback-" + reportMonth + "-athena.sql") : outPath;
        ReportFiles.write(Map.of(target, text));
        console.status("wrote " + target);
    }

    private SourceSelection selection(Console console) {
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
        SourceSelection.AthenaTarget athena = new SourceSelection.AthenaTarget(athenaTable,
                Optional.ofNullable(athenaWorkgroup), Optional.ofNullable(athenaOutput));
        if (kind == SourceKind.CUR) {
            return new SourceSelection(kind, cur, Optional.empty(), Optional.empty(), Optional.ofNullable(cacheDir),
                    athena, console::status);
        }
        // A named profile must exist, and a region must be one: never a silent default for a broken setting.
        Optional<String> profile = AwsProfiles.checkedProfile(aws.profile());
        Optional<String> region = kind == SourceKind.ATHENA
                // Athena runs where the table's Glue catalog is: --region, AWS_REGION or the profile's region.
                ? Optional.of(AwsProfiles.region(aws.region(), aws.profile(), knownRegions()).id())
                // Cost Explorer's endpoint is us-east-1 (the commercial partition's) unless --region names another.
                : Optional.ofNullable(aws.region()).map(ChargebackCommand::validRegion);
        return new SourceSelection(kind, cur, profile, region, Optional.ofNullable(cacheDir), athena,
                console::status);
    }

    private static java.util.Set<String> knownRegions() {
        return software.amazon.awssdk.regions.Region.regions().stream()
                .map(software.amazon.awssdk.regions.Region::id).collect(Collectors.toSet());
    }

    private static String validRegion(String region) {
        String id = region.strip().toLowerCase(java.util.Locale.ROOT);
        if (!knownRegions().contains(id)) {
            throw UserFacingException.usage("--region: unknown region '" + region
                    + "' (Cost Explorer is served from us-east-1; use a region code such as us-east-1)");
        }
        return id;
    }
}
