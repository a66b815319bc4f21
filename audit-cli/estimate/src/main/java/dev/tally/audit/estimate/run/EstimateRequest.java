package dev.tally.audit.estimate.run;

import dev.tally.audit.estimate.diff.FailAbove;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code tally estimate} command line.
 *
 * @param assembly       the cloud assembly (or template) to price
 * @param usage          the usage profile argument, if any
 * @param base           the base assembly for a diff, if any
 * @param failAbove      the gate, if any
 * @param stacks         stack path globs (empty: all)
 * @param compareFleet   the fleet profile argument, if any
 * @param region         the region for environment-agnostic stacks
 * @param priceTable     a price table file, if given
 * @param userPriceTable where a refreshed table is looked for
 * @param format         the output format
 */
public record EstimateRequest(Path assembly, Optional<String> usage, Optional<Path> base, Optional<FailAbove> failAbove,
        List<String> stacks, Optional<String> compareFleet, String region, Path priceTable, Path userPriceTable,
        OutputFormat format) {

    /** Validates and builds a request; a bad value is an {@link IllegalArgumentException} naming the flag. */
    public static EstimateRequest of(Path assembly, String usage, Path base, String failAbove, List<String> stacks,
            String compareFleet, String region, Path priceTable, Path userPriceTable, String format) {
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("--region '" + region + "' is not a region code like us-east-1");
        }
        if (compareFleet != null && base != null) {
            throw new IllegalArgumentException("--compare-fleet and --base do not go together: compare one estimate "
                    + "with a fleet, or two assemblies with each other");
        }
        return new EstimateRequest(assembly, Optional.ofNullable(usage), Optional.ofNullable(base),
                Optional.ofNullable(failAbove).map(FailAbove::parse), List.copyOf(stacks),
                Optional.ofNullable(compareFleet), region, priceTable, userPriceTable, OutputFormat.parse(format));
    }
}
