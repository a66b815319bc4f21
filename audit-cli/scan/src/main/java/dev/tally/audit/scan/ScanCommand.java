package dev.tally.audit.scan;

import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.common.aws.AwsProfiles;
import dev.tally.audit.common.aws.ResolvedRegion;
import dev.tally.audit.common.cli.AwsOptions;
import dev.tally.audit.common.cli.ConfigOption;
import dev.tally.audit.common.cli.Console;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.OutputOptions;
import dev.tally.audit.common.config.PolicyKind;
import dev.tally.audit.common.config.PolicySource;
import dev.tally.audit.common.config.ProjectConfig;
import dev.tally.audit.common.io.ReportFiles;
import dev.tally.audit.scan.model.ScanFailure;
import java.util.Map;
import dev.tally.audit.scan.check.AuditPolicy;
import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.check.CheckCatalog;
import dev.tally.audit.scan.check.Severity;
import dev.tally.audit.scan.check.TagPolicyFile;
import dev.tally.audit.scan.check.ThresholdOptions;
import dev.tally.audit.scan.check.Thresholds;
import dev.tally.audit.scan.check.ThresholdsFile;
import dev.tally.audit.scan.collect.AwsScanBackend;
import dev.tally.audit.scan.pricing.PriceTable;
import dev.tally.audit.scan.pricing.PriceTableFile;
import dev.tally.audit.scan.pricing.Pricer;
import dev.tally.audit.scan.pricing.PricesCommand;
import dev.tally.audit.scan.report.ExitStatus;
import dev.tally.audit.scan.report.OutputFormat;
import dev.tally.audit.scan.report.ScanEvaluation;
import dev.tally.audit.scan.report.ScanReport;
import dev.tally.audit.scan.report.TerminalProgress;
import dev.tally.audit.scan.run.AccountOptions;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.RegionSelection;
import dev.tally.audit.scan.run.ScanBackend;
import dev.tally.audit.scan.run.ScanProgress;
import dev.tally.audit.scan.run.ScanRequest;
import dev.tally.audit.scan.run.ScanResult;
import dev.tally.audit.scan.run.ScanRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tally scan}: collects the inventory of the selected accounts and regions, runs the checks, prices the
 * findings and prints the report. Everything the user typed is validated before the first AWS call.
 *
 * <p>Exit codes are the CLI's one table ({@link ExitCode}): 0 nothing at or above {@code --fail-on}; 1 findings at or
 * above it; 2 bad input; 3 part of the scan failed (named in the report and on stderr), which wins over 1: an
 * incomplete scan cannot vouch for what it missed.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PricesCommand.class},
        description = {"Finds idle EC2 instances, orphaned load balancers, public S3 buckets and resources missing "
                + "cost-allocation tags, and prices the waste in dollars per month.",
            "Read-only: it only calls Describe/List/Get APIs (see the IAM policy in docs/scan.md)."})
public final class ScanCommand implements Callable<Integer> {
    /** Where {@code tally scan prices refresh} writes by default and {@code tally scan} looks first. */
    public static final Path USER_PRICE_TABLE = Path.of(System.getProperty("user.home"), ".tally", "prices.json");

    private final Supplier<ScanBackend> backendFactory;
    private final Clock clock;
    private final Path userPriceTable;
    private final boolean progressAllowed;
    private final Path workingDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--checks", split = ",", paramLabel = "CHECK",
            description = "Checks to run, comma separated (default: all): idle-ec2, orphaned-lb, public-bucket, untagged.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "all|REGION[,REGION...]", defaultValue = "all",
            description = "Regions to scan: 'all' enabled regions of each account (default), or a list.")
    String regions;

    @CommandLine.Mixin
    AwsOptions aws = new AwsOptions();

    @CommandLine.Mixin
    AccountOptions accountOptions = new AccountOptions();

    @CommandLine.Mixin
    ThresholdOptions thresholdOptions = new ThresholdOptions();

    @CommandLine.Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "Thresholds YAML (default: tally.yaml's 'thresholds', else the bundled policies/audit/thresholds.yaml).")
    Path thresholdsFile;

    @Option(names = "--tag-policy", paramLabel = "FILE",
            description = "Tag policy YAML (default: tally.yaml's 'tag-policy', else the bundled policies/tag-policy.yaml).")
    Path tagPolicyFile;

    @Option(names = "--price-table", paramLabel = "FILE",
            description = "Price table JSON (default: ~/.tally/prices.json if 'prices refresh' wrote one, else the bundled table).")
    Path priceTableFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table (default), json, csv or sarif.")
    String output;

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "none",
            description = "Exit 1 when a finding is at or above: none (default), low, medium, high, critical.")
    String failOn;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Account-regions collected at once (1-64, default 8).")
    int concurrency;

    /** The command as {@code tally} runs it: the AWS backend, the system clock, {@code ~/.tally/prices.json}. */
    public ScanCommand() {
        this(ScanCommand::defaultBackend, Clock.systemUTC(), USER_PRICE_TABLE, true);
    }

    /**
     * A command with its dependencies given (tests: an in-memory backend, a fixed clock, a temporary price path),
     * looking for {@code tally.yaml} from the current folder.
     *
     * @param backendFactory  makes the backend when a scan runs (not before: usage errors never touch AWS)
     * @param clock           decides "yesterday", the last day of metrics
     * @param userPriceTable  where a refreshed price table is looked for and written by default
     * @param progressAllowed false to never draw a progress bar
     */
    public ScanCommand(Supplier<ScanBackend> backendFactory, Clock clock, Path userPriceTable, boolean progressAllowed) {
        this(backendFactory, clock, userPriceTable, progressAllowed, Path.of("").toAbsolutePath());
    }

    /**
     * As above, looking for {@code tally.yaml} from {@code workingDir} upwards.
     */
    public ScanCommand(Supplier<ScanBackend> backendFactory, Clock clock, Path userPriceTable, boolean progressAllowed,
                       Path workingDir) {
        this.backendFactory = backendFactory;
        this.clock = clock;
        this.userPriceTable = userPriceTable;
        this.progressAllowed = progressAllowed;
        this.workingDir = workingDir;
    }

    /** The production backend (AWS SDK clients behind the scan's collector and account directory). */
    public static ScanBackend defaultBackend() {
        return new AwsScanBackend();
    }

    public ScanBackend backend() {
        return backendFactory.get();
    }

    public Clock clock() {
        return clock;
    }

    public Path userPriceTable() {
        return userPriceTable;
    }

    /**
     * The home region for global calls: {@code --region}, {@code AWS_REGION} or the profile's region; a missing or
     * broken profile, an unknown region or no region at all is a usage error naming it (never a silent us-east-1).
     *
     * @param flagRegion  the command's {@code --region}, or null
     * @param flagProfile the command's {@code --profile}, or null
     */
    public static ResolvedRegion resolveHomeRegion(String flagRegion, String flagProfile) {
        return AwsProfiles.region(flagRegion, flagProfile, RegionSelection.knownRegions());
    }

    @Override
    public Integer call() {
        // Validate everything the user typed before anything touches AWS.
        List<Check> selected = selectChecks();
        RegionSelection regionSelection = parse("--regions", () -> RegionSelection.parse(regions));
        AccountSelection accountSelection = parse(null, accountOptions::selection);
        OutputFormat format = outputFormat();
        Optional<Severity> failOnSeverity = failOnSeverity();
        if (concurrency < 1 || concurrency > 64) {
            throw usage("--concurrency must be between 1 and 64, was " + concurrency);
        }
        ProjectConfig project = config.load(workingDir);
        PolicySource thresholdsSource = project.choose(PolicyKind.THRESHOLDS, thresholdsFile);
        PolicySource tagPolicySource = project.choose(PolicyKind.TAG_POLICY, tagPolicyFile);
        AuditPolicy policy = new AuditPolicy(thresholds(thresholdsSource),
                tagPolicySource.file().map(TagPolicyFile::load).orElseGet(TagPolicyFile::bundled));
        PriceTable prices = priceTable();
        Path outputFile = outputOptions.outputFile();
        if (outputFile != null && Files.isDirectory(outputFile)) {
            throw usage("--output-file " + outputFile + " is a folder: name the report file, e.g. "
                    + outputFile.resolve("scan." + format.label()));
        }
        Optional<String> profile = AwsProfiles.checkedProfile(aws.profile());
        ResolvedRegion home = resolveHomeRegion(aws.region(), aws.profile());

        ApiCallLedger ledger = new ApiCallLedger();
        AwsSettings settings = profile.isEmpty() ? AwsSettings.defaults(ledger)
                : AwsSettings.forProfile(profile.get(), ledger);
        LocalDate lastDay = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        ScanRequest request = new ScanRequest(accountSelection, regionSelection, home.id(), selected, policy, settings,
                concurrency, lastDay);

        Console console = new Console(spec.commandLine().getErr(), outputOptions.quiet());
        ScanProgress progress = progressAllowed && !outputOptions.noProgress() && !outputOptions.quiet()
                && TerminalProgress.stderrIsTerminal() ? new TerminalProgress(spec.commandLine().getErr())
                : ScanProgress.NONE;
        ScanResult result = new ScanRunner(backend()).collect(request, progress);
        List<String> policyFiles = List.of(thresholdsSource.headerEntry(), tagPolicySource.headerEntry());
        ScanReport report = new ScanEvaluation(new Pricer(prices), clock, policyFiles)
                .evaluate(result, selected, policy, ledger);
        write(report, format, console);
        if (!report.failures().isEmpty()) {
            ScanFailure first = report.failures().get(0);
            String named = first.accountId() + " " + first.region() + " " + first.service() + ": " + first.message();
            spec.commandLine().getErr().println(report.accounts().isEmpty()
                    ? "tally: nothing was scanned: " + first.message()
                    : "tally: scan incomplete (exit code 3): " + report.failures().size() + " part(s) failed, "
                            + "listed in the report; first: " + named);
        }
        return ExitStatus.of(report, failOnSeverity);
    }

    private void write(ScanReport report, OutputFormat format, Console console) {
        // Render fully before writing, so a rendering failure never leaves half a report anywhere.
        StringWriter buffer = new StringWriter();
        try {
            format.renderer().render(report, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path outputFile = outputOptions.outputFile();
        if (outputFile != null) {
            ReportFiles.write(Map.of(outputFile, buffer.toString()));
            console.status(String.format("wrote %s report to %s (%d findings, $%s per month)", format.label(),
                    outputFile, report.findings().size(), report.totalMonthlyUsd().toPlainString()));
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer);
        out.flush();
    }

    private List<Check> selectChecks() {
        CheckCatalog catalog = new CheckCatalog();
        if (checks.isEmpty()) {
            return catalog.all();
        }
        return parse("--checks", () -> catalog.select(checks));
    }

    private OutputFormat outputFormat() {
        String wanted = output.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(OutputFormat.values()).filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> usage("--output: unknown format '" + output + "' (valid: " + Arrays
                        .stream(OutputFormat.values()).map(OutputFormat::label).collect(Collectors.joining(", ")) + ")"));
    }

    private Optional<Severity> failOnSeverity() {
        if (failOn.trim().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(parse("--fail-on", () -> Severity.parse(failOn)));
    }

    private Thresholds thresholds(PolicySource source) {
        Thresholds base = source.file().map(ThresholdsFile::load).orElseGet(ThresholdsFile::bundled);
        return parse(null, () -> thresholdOptions.applyTo(base));
    }

    private PriceTable priceTable() {
        if (priceTableFile != null) {
            return PriceTableFile.load(priceTableFile);
        }
        return Files.isRegularFile(userPriceTable) ? PriceTableFile.load(userPriceTable) : PriceTableFile.bundled();
    }

    private <T> T parse(String flag, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage(flag == null ? e.getMessage() : flag + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
