package dev.tally.audit.scan.pricing;

import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsProfiles;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.common.cli.AwsOptions;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.scan.ScanCommand;
import dev.tally.audit.scan.run.RegionSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tally scan prices refresh}: fetches current on-demand prices (AWS Price List API) and writes them as a price
 * table, atomically; {@code tally scan} then uses it instead of the bundled one.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Fetch current on-demand prices from the AWS Price List API into a price table.")
public final class PriceRefreshCommand implements Callable<Integer> {
    /** The regions of the bundled table. */
    static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-1", "ap-northeast-1");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    PricesCommand prices;

    @Option(names = "--regions", split = ",", paramLabel = "REGION",
            description = "Regions to fetch (default: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-northeast-1).")
    List<String> regions = List.of();

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "Where to write the table (default: ~/.tally/prices.json, which 'tally scan' picks up).")
    Path outputFile;

    @CommandLine.Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr but errors (no 'wrote' line).")
    boolean quiet;

    @Override
    public Integer call() {
        ScanCommand scan = prices.scan();
        List<String> wanted = regions.isEmpty() ? DEFAULT_REGIONS : validated(regions);
        Path target = outputFile != null ? outputFile : scan.userPriceTable();
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw UserFacingException.usage(dir + ": cannot create it (" + e.getMessage() + ")");
            }
        }
        Optional<String> profile = AwsProfiles.checkedProfile(aws.profile());
        String home = ScanCommand.resolveHomeRegion(aws.region(), aws.profile()).id();
        ApiCallLedger ledger = new ApiCallLedger();
        AwsSettings settings = profile.isEmpty() ? AwsSettings.defaults(ledger)
                : AwsSettings.forProfile(profile.get(), ledger);
        PriceListSource source = scan.backend().priceListSource(settings, home)
                .orElseThrow(() -> UserFacingException.usage("this build of tally cannot fetch prices (no Price List "
                        + "API client); pass a table with --price-table instead"));
        List<PriceEntry> entries;
        try {
            entries = source.fetch(new LinkedHashSet<>(wanted));
        } catch (RuntimeException e) {
            throw UserFacingException.incomplete("price refresh failed, nothing written: " + e.getMessage()
                    + " (Pricing:GetProducts, region " + home + ")", e);
        } finally {
            closeIfCloseable(source);
        }
        if (entries.isEmpty()) {
            throw new UserFacingException(ExitCode.INCOMPLETE,
                    "the Price List API returned no prices for " + String.join(",", wanted) + "; nothing written");
        }
        LocalDate today = LocalDate.now(scan.clock().withZone(ZoneOffset.UTC));
        PriceTableFile.write(new PriceTable(today, source.description(), entries), target);
        if (!quiet) {
            spec.commandLine().getErr().printf("tally: wrote %d prices for %d regions to %s (%d API calls)%n",
                    entries.size(), wanted.size(), target, ledger.total());
        }
        return ExitCode.OK;
    }

    /** A source holding an SDK client releases it here; the prices are already in memory. */
    private void closeIfCloseable(PriceListSource source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                spec.commandLine().getErr().println("tally: warning: could not close the Price List client: "
                        + e.getMessage());
            }
        }
    }

    private List<String> validated(List<String> given) {
        try {
            RegionSelection selection = RegionSelection.parse(String.join(",", given));
            if (selection.all()) {
                throw new IllegalArgumentException("name the regions to fetch (all regions is not supported here)");
            }
            return selection.regions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--regions: " + e.getMessage());
        }
    }
}
