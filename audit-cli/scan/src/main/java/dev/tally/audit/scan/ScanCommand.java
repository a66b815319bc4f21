package dev.tally.audit.scan;

import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
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
import dev.tally.audit.scan.report.AtomicFile;
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
 * <p>Exit codes: 0 nothing at or above {@code --fail-on}; 1 findings at or above it; 2 usage error; 3 part of the scan
 * failed. 3 wins over 1: an incomplete scan cannot vouch for what it missed.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PricesCommand.class},
        description = {"Finds idle EC2 instances, orphaned load balancers, public S3 buckets and resources missing "
                + "cost-allocation tags, and prices the waste in dollars per month.",
            "Read-only: it only calls Describe/List/Get APIs (see the IAM policy in the README)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the --fail-on threshold",
            "1:findings at or above --fail-on",
            "2:usage error (bad flag, value or input file)",
            "3:part of the scan failed (an account or region); wins over 1"})
public final class ScanCommand implements Callable<Integer> {
    /** Where {@code tally scan prices refresh} writes by default and {@code tally scan} looks first. */
    public static final Path USER_PRICE_TABLE = Path.of(System.getProperty("user.home"), ".tally", "prices.json");

    private final Supplier<ScanBackend> backendFactory;
    private final Clock clock;
    private final Path userPriceTable;
    private final boolean progressAllowed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--checks", split = ",", paramLabel = "CHECK",
            description = "Checks to run, comma separated (default: all): idle-ec2, orphaned-lb, public-bucket, untagged.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "all|REGION[,REGION...]", defaultValue = "all",
            description = "Regions to scan: 'all' enabled regions of each account (default), or a list.")
    String regions;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Home region for global calls (STS, Organizations, S3). Default: the profile's or "
                    + "environment's region, else us-east-1.")
    String homeRegion;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS named profile (default: the standard credential chain).")
    String profile;

    @CommandLine.Mixin
    AccountOptions accountOptions = new AccountOptions();

    @CommandLine.Mixin
    ThresholdOptions thresholdOptions = new ThresholdOptions();

    @Option(names = "--thresholds", paramLabel = "FILE", description = "Thresholds YAML (default: the bundled policies/audit/thresholds.yaml).")
    Path thresholdsFile;

    @Option(names = "--tag-policy", paramLabel = "FILE", description = "Tag policy YAML (default: the bundled policies/tag-policy.yaml).")
    Path tagPolicyFile;

    @Option(names = "--price-table", paramLabel = "FILE",
            description = "Price table JSON (default: ~/.tally/prices.json if 'prices refresh' wrote one, else the bundled table).")
    Path priceTableFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), json, csv or sarif.")
    String output;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the report here (atomically) instead of stdout.")
    Path outputFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "none",
            description = "Exit 1 when a finding is at or above: none (default), low, medium, high, critical.")
    String failOn;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Account-regions collected at once (1-64, default 8).")
    int concurrency;

    @Option(names = "--no-progress", description = "No progress bar (it is shown only when stderr is a terminal anyway).")
    boolean noProgress;

    /** The command as {@code tally} runs it: the AWS backend, the system clock, {@code ~/.tally/prices.json}. */
    public ScanCommand() {
        this(ScanCommand::defaultBackend, Clock.systemUTC(), USER_PRICE_TABLE, true);
    }

    /**
     * A command with its dependencies given (tests: an in-memory backend, a fixed clock, a temporary price path).
     *
     * @param backendFactory  makes the backend when a scan runs (not before: usage errors never touch AWS)
     * @param clock           decides "yesterday", the last day of metrics
     * @param userPriceTable  where a refreshed price table is looked for and written by default
     * @param progressAllowed false to never draw a progress bar
     */
    public ScanCommand(Supplier<ScanBackend> backendFactory, Clock clock, Path userPriceTable, boolean progressAllowed) {
        this.backendFactory = backendFactory;
        this.clock = clock;
        this.userPriceTable = userPriceTable;
        this.progressAllowed = progressAllowed;
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

    public String profile() {
        return profile;
    }

    /** The home region after validation: {@code --region}, the configured one, or us-east-1. */
    public String resolveHomeRegion(AwsSettings settings) {
        if (homeRegion != null) {
            return validRegion("--region", homeRegion);
        }
        // Environment and profile only: the SDK's full chain also asks EC2 instance metadata, which off EC2 costs
        // seconds of timeouts before every scan.
        try {
            return new software.amazon.awssdk.regions.providers.AwsRegionProviderChain(
                    new software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider(),
                    new software.amazon.awssdk.regions.providers.AwsProfileRegionProvider(null, profile))
                    .getRegion().id();
        } catch (RuntimeException noRegionConfigured) {
            return "us-east-1";
        }
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
        AuditPolicy policy = new AuditPolicy(thresholds(), tagPolicyFile == null ? TagPolicyFile.bundled()
                : TagPolicyFile.load(tagPolicyFile));
        PriceTable prices = priceTable();
        if (outputFile != null) {
            Path dir = outputFile.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw usage("--output-file: directory " + dir + " does not exist");
            }
        }

        ApiCallLedger ledger = new ApiCallLedger();
        AwsSettings settings = profile == null ? AwsSettings.defaults(ledger) : AwsSettings.forProfile(profile, ledger);
        String home = resolveHomeRegion(settings);
        LocalDate lastDay = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        ScanRequest request = new ScanRequest(accountSelection, regionSelection, home, selected, policy, settings,
                concurrency, lastDay);

        ScanProgress progress = progressAllowed && !noProgress && TerminalProgress.stderrIsTerminal()
                ? new TerminalProgress(spec.commandLine().getErr()) : ScanProgress.NONE;
        ScanResult result = new ScanRunner(backend()).collect(request, progress);
        ScanReport report = new ScanEvaluation(new Pricer(prices), clock).evaluate(result, selected, policy, ledger);
        write(report, format);
        if (report.accounts().isEmpty() && !report.failures().isEmpty()) {
            spec.commandLine().getErr().println("tally: nothing was scanned: " + report.failures().get(0).message());
        } else if (!report.failures().isEmpty()) {
            spec.commandLine().getErr().println("tally: scan incomplete: " + report.failures().size()
                    + " part(s) failed (listed in the report); exit code 3");
        }
        return ExitStatus.of(report, failOnSeverity);
    }

    private void write(ScanReport report, OutputFormat format) {
        if (outputFile != null) {
            AtomicFile.write(outputFile, out -> format.renderer().render(report, out));
            spec.commandLine().getErr().printf("tally: wrote %s report to %s (%d findings, $%s per month)%n",
                    format.label(), outputFile, report.findings().size(), report.totalMonthlyUsd().toPlainString());
            return;
        }
        // Render fully before printing, so a rendering failure never leaves half a report on stdout.
        StringWriter buffer = new StringWriter();
        try {
            format.renderer().render(report, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private Thresholds thresholds() {
        Thresholds base = thresholdsFile == null ? ThresholdsFile.bundled() : ThresholdsFile.load(thresholdsFile);
        return parse(null, () -> thresholdOptions.applyTo(base));
    }

    private PriceTable priceTable() {
        if (priceTableFile != null) {
            return PriceTableFile.load(priceTableFile);
        }
        return Files.isRegularFile(userPriceTable) ? PriceTableFile.load(userPriceTable) : PriceTableFile.bundled();
    }

    private String validRegion(String flag, String region) {
        String normalised = region.trim().toLowerCase(Locale.ROOT);
        if (!RegionSelection.knownRegions().contains(normalised)) {
            throw usage(flag + ": unknown region '" + region + "' (use a region code such as us-east-1)");
        }
        return normalised;
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
