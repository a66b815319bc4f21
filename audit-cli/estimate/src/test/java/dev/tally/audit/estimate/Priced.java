package dev.tally.audit.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.estimate.assembly.CloudAssembly;
import dev.tally.audit.estimate.assembly.StackTemplate;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.Estimator;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricerCatalog;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.usage.UsageProfile;
import dev.tally.audit.estimate.usage.UsageProfileFile;
import dev.tally.audit.scan.pricing.PriceTableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prices a small hand-written template under an inline profile, with the bundled price table in us-east-1: what the
 * hand-computed pricer tests are run through (the whole pipeline after collect, not the pricer alone).
 */
public final class Priced {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Priced() {
    }

    /** The estimate of one template ({@code Resources} JSON) under {@code profileYaml} (may be empty). */
    public static Estimate estimate(String templateJson, String profileYaml) {
        try {
            StackTemplate stack = new StackTemplate("Test", "test", Optional.of("us-east-1"), JSON.readTree(templateJson));
            UsageProfile profile = profileYaml.isBlank() ? UsageProfile.none()
                    : UsageProfileFile.parse(profileYaml, "test profile", PricerCatalog.standard());
            return new Estimator(PricerCatalog.standard(), PriceTableFile.bundled(), "us-east-1")
                    .estimate(new CloudAssembly(Path.of("test.template.json"), List.of(stack)), profile, s -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One resource of it. */
    public static ResourceCost resource(String templateJson, String profileYaml, String logicalId) {
        return estimate(templateJson, profileYaml).resources().filter(r -> r.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + logicalId));
    }

    /** A charge's amount to the cent, by item name prefix. */
    public static BigDecimal line(ResourceCost cost, String itemPrefix) {
        return cost.lines().stream().filter(l -> l.item().startsWith(itemPrefix)).map(CostLine::monthlyUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
