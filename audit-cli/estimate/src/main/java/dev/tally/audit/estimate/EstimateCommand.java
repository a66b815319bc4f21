package dev.tally.audit.estimate;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.io.AtomicFiles;
import dev.tally.audit.estimate.run.EstimateRequest;
import dev.tally.audit.estimate.run.EstimateRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tally estimate [CDK_OUT] --usage PROFILE}: what a synthesized CDK app will cost a month before it is
 * deployed; with {@code --base OLD_CDK_OUT}, what a change adds, and {@code --fail-above} as the pull-request gate.
 * Reads files only: no AWS call, no credentials.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Monthly cost of a synthesized CDK app (cdk.out) under a usage profile, before it is deployed.",
            "With --base OLD_CDK_OUT: the difference per stack and per resource; --fail-above makes it a CI gate.",
            "Reads only files: no AWS account or credentials needed."})
public final class EstimateCommand implements Callable<Integer> {
    /** Where {@code tally scan prices refresh} writes by default. */
    static final Path USER_PRICE_TABLE = Path.of(System.getProperty("user.home"), ".tally", "prices.json");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CDK_OUT", defaultValue = "cdk.out",
            description = "Cloud assembly folder (default cdk.out), nested stage assemblies included; or one template file.")
    Path assembly;

    @Option(names = {"-u", "--usage"}, paramLabel = "PROFILE",
            description = "Usage profile: a YAML file, or a bundled one (renewal, portal, eks). Without it only fixed "
                    + "charges are priced and traffic is zero.")
    String usage;

    @Option(names = "--base", paramLabel = "OLD_CDK_OUT",
            description = "Base assembly to compare against (the main branch's synthesis): report the difference.")
    Path base;

    @Option(names = "--fail-above", paramLabel = "DOLLARS|PERCENT",
            description = "Exit 1 when the monthly increase over --base is above DOLLARS (250) or PERCENT (10%); "
                    + "without --base, when the monthly total is above DOLLARS.")
    String failAbove;

    @Option(names = "--stack", paramLabel = "GLOB",
            description = "Only stacks whose path matches (Production/*); repeatable. Default: every stack.")
    List<String> stacks = List.of();

    @Option(names = "--compare-fleet", paramLabel = "PROFILE",
            description = "Compare the estimate with a fixed fleet profile (legacy-fleet, or a file with a 'fleet').")
    String compareFleet;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "Region priced for environment-agnostic stacks (default us-east-1); a stack with an "
                    + "explicit environment is priced in its own region.")
    String region;

    @Option(names = "--price-table", paramLabel = "FILE",
            description = "Price table JSON (default: ~/.tally/prices.json if 'tally scan prices refresh' wrote one, "
                    + "over the bundled table).")
    Path priceTable;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), json or markdown (the pull-request comment).")
    String output;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the report here (atomically) instead of stdout.")
    Path outputFile;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr but errors and warnings.")
    boolean quiet;

    private final Path userPriceTable;

    /** The command as {@code tally} runs it. */
    public EstimateCommand() {
        this(USER_PRICE_TABLE);
    }

    /** With the refreshed-table location given (tests use a temporary path). */
    public EstimateCommand(Path userPriceTable) {
        this.userPriceTable = userPriceTable;
    }

    @Override
    public Integer call() {
        EstimateRequest request;
        try {
            request = EstimateRequest.of(assembly, usage, base, failAbove, stacks, compareFleet, region, priceTable,
                    userPriceTable, output);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        EstimateRun.Result result = EstimateRun.run(request);
        write(result.report());
        result.warnings().forEach(w -> spec.commandLine().getErr().println("tally: warning: " + w));
        if (result.gateFailure().isPresent()) {
            spec.commandLine().getErr().println("tally: " + result.gateFailure().get());
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }

    private void write(String report) {
        if (outputFile == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Path parent = outputFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(outputFile, out -> out.write(bytes));
        } catch (IOException e) {
            throw UserFacingException.usage("--output-file: cannot write " + outputFile + " (" + e.getMessage() + ")");
        }
        if (!quiet) {
            spec.commandLine().getErr().println("tally: wrote " + outputFile);
        }
    }
}
