package dev.tally.audit.estimate.run;

import dev.tally.audit.estimate.assembly.CloudAssembly;
import dev.tally.audit.estimate.assembly.CloudAssemblyReader;
import dev.tally.audit.estimate.compare.FleetComparison;
import dev.tally.audit.estimate.diff.EstimateDiff;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.Estimator;
import dev.tally.audit.estimate.price.PricerCatalog;
import dev.tally.audit.estimate.price.Rates;
import dev.tally.audit.estimate.report.DiffRenderers;
import dev.tally.audit.estimate.report.EstimateJson;
import dev.tally.audit.estimate.report.EstimateMarkdown;
import dev.tally.audit.estimate.report.EstimateTableRenderer;
import dev.tally.audit.estimate.usage.UsageProfile;
import dev.tally.audit.estimate.usage.UsageProfileFile;
import dev.tally.audit.scan.pricing.PriceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** collect → resolve → price → render for one {@link EstimateRequest}; no I/O but reading the inputs. */
public final class EstimateRun {
    private EstimateRun() {
    }

    /**
     * What the command prints and whether the gate failed.
     *
     * @param report      the rendered report
     * @param gateFailure why {@code --fail-above} fails, if it does
     * @param warnings    things the user should know (an unmatched --stack, no usage profile)
     */
    public record Result(String report, Optional<String> gateFailure, List<String> warnings) {
    }

    public static Result run(EstimateRequest request) {
        PricerCatalog catalog = PricerCatalog.standard();
        List<String> warnings = new ArrayList<>();
        UsageProfile profile = request.usage().map(u -> UsageProfileFile.load(u, catalog)).orElseGet(() -> {
            warnings.add("no --usage profile: traffic-driven charges are priced at zero usage");
            return UsageProfile.none();
        });
        PriceTable prices = PriceTables.load(request.priceTable(), request.userPriceTable());
        Estimator estimator = new Estimator(catalog, prices, request.region());
        Predicate<String> selected = stackFilter(request.stacks());
        CloudAssembly head = CloudAssemblyReader.read(request.assembly());
        Estimate estimate = estimator.estimate(head, profile, selected);
        if (estimate.stacks().isEmpty()) {
            throw dev.tally.audit.common.cli.UserFacingException.usage(request.assembly() + ": no stack"
                    + (request.stacks().isEmpty() ? "" : " matches --stack " + String.join(", ", request.stacks()))
                    + " (stacks: " + String.join(", ", head.stacks().stream().map(s -> s.path()).toList()) + ")");
        }
        if (request.base().isPresent()) {
            Estimate base = estimator.estimate(CloudAssemblyReader.read(request.base().get()), profile, selected);
            EstimateDiff diff = EstimateDiff.of(base, estimate);
            Optional<String> gate = request.failAbove().flatMap(f -> f.violation(diff));
            String report = switch (request.format()) {
                case TABLE -> DiffRenderers.table(diff, gate);
                case JSON -> DiffRenderers.json(diff, gate);
                case MARKDOWN -> DiffRenderers.markdown(diff, gate);
            };
            return new Result(report, gate, warnings);
        }
        Optional<FleetComparison> comparison = request.compareFleet().map(f -> FleetComparison.of(estimate,
                UsageProfileFile.load(f, catalog), new Rates(prices, estimate.stacks().get(0).region())));
        Optional<String> gate = request.failAbove().flatMap(f -> f.violation(estimate));
        String report = switch (request.format()) {
            case TABLE -> EstimateTableRenderer.render(estimate, comparison);
            case JSON -> EstimateJson.render(estimate, comparison);
            case MARKDOWN -> EstimateMarkdown.render(estimate, comparison);
        };
        return new Result(report, gate, warnings);
    }

    static Predicate<String> stackFilter(List<String> globs) {
        if (globs.isEmpty()) {
            return path -> true;
        }
        List<Pattern> patterns = globs.stream().map(g -> Pattern.compile(
                Pattern.quote(g).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"))).toList();
        return path -> patterns.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
