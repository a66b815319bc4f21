package dev.tally.audit.estimate;

import dev.tally.audit.common.aws.AwsProfiles;
import dev.tally.audit.common.cli.AwsOptions;
import dev.tally.audit.common.cli.ConfigOption;
import dev.tally.audit.common.cli.Console;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.OutputOptions;
import dev.tally.audit.common.config.PolicyKind;
import dev.tally.audit.common.config.PolicySource;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.io.ReportFiles;
import dev.tally.audit.estimate.run.EstimateRequest;
import dev.tally.audit.estimate.run.EstimateRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tally estimate [CDK_OUT] --usage PROFILE}: what a synthesized CDK app will cost a month before it is
 * deployed; with {@code --base OLD_CDK_OUT}, what a change adds, and {@code --fail-above} as the pull-request gate
 * (exit {@link ExitCode#FINDINGS}). Reads files only: no AWS call, no credentials, so it takes no {@code --profile}.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Monthly cost of a synthesized CDK app (cdk.out) under a usage profile, before it is deployed.",
            "With --base OLD_CDK_OUT: the difference per stack and per resource; --fail-above makes it a CI gate.",
            "Reads only files: no AWS account or credentials needed. --region (else AWS_REGION or the --profile's "
                + "region, else us-east-1) picks the prices of stacks without an explicit environment."})
public final class EstimateCommand implements Callable<Integer> {
    /** Where {@code tally scan prices refresh} writes by default. */
    static final Path USER_PRICE_TABLE = Path.of(System.getProperty("user.home"), ".tally", "prices.json");

    /** Priced when neither a flag nor the AWS configuration names a region. */
    static final String DEFAULT_REGION = "us-east-1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CDK_OUT", defaultValue = "cdk.out",
            description = "Cloud assembly folder (default cdk.out), nested stage assemblies included; or one template file.")
    Path assembly;

    @Option(names = {"-u", "--usage"}, paramLabel = "PROFILE",
            description = "Usage profile: a YAML file, or a bundled one (renewal, portal, eks). Default: the 'usage' "
                    + "of tally.yaml; without either, only fixed charges are priced and traffic is zero.")
    String usage;

    @CommandLine.Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--base", paramLabel = "OLD_CDK_OUT",
            description = "Base assembly to compare against (the main branch's synthesis): report the difference.")
    Path base;

    @Option(names = "--fail-above", paramLabel = "DOLLARS|PERCENT",
            description = "Exit 1 when the monthly increase over --base is above DOLLARS (250) or PERCENT (10%%); "
                    + "without --base, when the monthly total is above DOLLARS.")
    String failAbove;

    @Option(names = "--stack", paramLabel = "GLOB",
            description = "Only stacks whose path matches (Production/*); repeatable. Default: every stack.")
    List<String> stacks = List.of();

    @Option(names = "--compare-fleet", paramLabel = "PROFILE",
            description = "Compare the estimate with a fixed fleet profile (legacy-fleet, or a file with a 'fleet').")
    String compareFleet;

    /**
     * {@code --region} and {@code --profile}: nothing is called, but they say which region's prices an
     * environment-agnostic stack gets, as they say where a deployment goes.
     */
    @CommandLine.Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--price-table", paramLabel = "FILE",
            description = "Price table JSON (default: ~/.tally/prices.json if 'tally scan prices refresh' wrote one, "
                    + "over the bundled table).")
    Path priceTable;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json|markdown", defaultValue = "table",
            description = "Output format: table (default), json or markdown (the pull-request comment).")
    String output;

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    private final Path userPriceTable;
    private final Path workingDir;

    /** The command as {@code tally} runs it. */
    public EstimateCommand() {
        this(USER_PRICE_TABLE, Path.of("").toAbsolutePath());
    }

    /**
     * With its surroundings given (tests).
     *
     * @param userPriceTable where a refreshed price table is looked for
     * @param workingDir     where {@code tally.yaml} is looked for, upwards
     */
    public EstimateCommand(Path userPriceTable, Path workingDir) {
        this.userPriceTable = userPriceTable;
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), outputOptions.quiet());
        String profile = usage;
        if (profile == null) {
            PolicySource fromProject = config.load(workingDir).choose(PolicyKind.USAGE, null);
            profile = fromProject.file().map(Path::toString).orElse(null);
            fromProject.file().ifPresent(f -> console.status("usage profile " + fromProject.description()));
        }
        EstimateRequest request;
        try {
            request = EstimateRequest.of(assembly, profile, base, failAbove, stacks, compareFleet, pricingRegion(), priceTable,
                    userPriceTable, output);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        EstimateRun.Result result = EstimateRun.run(request);
        write(result.report(), console);
        result.warnings().forEach(console::warn);
        if (result.gateFailure().isPresent()) {
            console.err().println("tally: " + result.gateFailure().get());
            console.err().flush();
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }

    /**
     * The region priced for stacks without an explicit environment: {@code --region}, else {@code AWS_REGION} or the
     * profile's region (a {@code --profile} that does not exist is an error), else {@link #DEFAULT_REGION}.
     */
    private String pricingRegion() {
        Set<String> known = Region.regions().stream().map(Region::id).collect(Collectors.toSet());
        if (aws.region() != null || aws.profile() != null) {
            return AwsProfiles.region(aws.region(), aws.profile(), known).id();
        }
        try {
            return AwsProfiles.region(null, null, known).id();
        } catch (UserFacingException noRegionConfigured) {
            if (!noRegionConfigured.getMessage().startsWith("no AWS region configured")) {
                throw noRegionConfigured;
            }
            return DEFAULT_REGION;
        }
    }

    private void write(String report, Console console) {
        Path file = outputOptions.outputFile();
        if (file == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
            return;
        }
        ReportFiles.write(Map.of(file, report));
        console.status("wrote " + file);
    }
}
