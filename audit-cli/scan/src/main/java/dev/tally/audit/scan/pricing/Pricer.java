package dev.tally.audit.scan.pricing;

import dev.tally.audit.scan.check.CostBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Puts a monthly dollar figure on a finding's {@link CostBasis} from a {@link PriceTable}. */
public final class Pricer {
    private final PriceTable table;

    public Pricer(PriceTable table) {
        this.table = table;
    }

    public PriceTable table() {
        return table;
    }

    public CostEstimate estimate(CostBasis basis) {
        if (basis instanceof CostBasis.InstanceHours hours) {
            List<String> caveats = new ArrayList<>();
            if (hours.spot()) {
                caveats.add("Spot instance: the on-demand price overstates the saving");
            }
            hours.platform().filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("linux/unix"))
                    .ifPresent(p -> caveats.add(p + ": priced as Linux, so the saving is a floor"));
            if (!"default".equals(hours.tenancy())) {
                caveats.add(hours.tenancy() + " tenancy: priced as shared tenancy, so the saving is a floor");
            }
            return monthly(PriceKind.EC2_INSTANCE_HOUR, hours.region(), hours.instanceType(), String.join("; ", caveats));
        }
        if (basis instanceof CostBasis.LoadBalancerHours hours) {
            return monthly(PriceKind.LOAD_BALANCER_HOUR, hours.region(), hours.type().wireName(),
                    "hourly charge only; capacity units are usage-based");
        }
        return new CostEstimate.NotApplicable(((CostBasis.NotApplicable) basis).why());
    }

    private CostEstimate monthly(PriceKind kind, String region, String product, String caveat) {
        return table.price(kind, region, product)
                .<CostEstimate>map(hourly -> new CostEstimate.Monthly(
                        hourly.multiply(CostEstimate.HOURS_PER_MONTH).setScale(2, RoundingMode.HALF_UP), hourly, caveat))
                .orElseGet(() -> new CostEstimate.Unknown("no " + describe(kind) + " price for " + product + " in "
                        + region + " in the price table of " + table.snapshotDate()
                        + " (run 'tally scan prices refresh')"));
    }

    private static String describe(PriceKind kind) {
        return switch (kind) {
            case EC2_INSTANCE_HOUR -> "EC2 on-demand";
            case LOAD_BALANCER_HOUR -> "load balancer hourly";
            case LOAD_BALANCER_CAPACITY_UNIT_HOUR -> "capacity unit";
            default -> kind.name();
        };
    }

    /** Sums monthly savings (unknown and not-applicable count as nothing). */
    public static BigDecimal total(List<CostEstimate> estimates) {
        return estimates.stream().map(CostEstimate::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
