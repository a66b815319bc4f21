package dev.tally.audit.estimate.pricers;

import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::EKS::Nodegroup}: the nodes' EC2 hours (on-demand from the price table; Spot at the profile's discount,
 * since Spot prices move hourly and have no list price) and their root volumes. Nodes average
 * {@code averageNodes}, else the group's desired size, else its minimum.
 */
public final class EksNodegroupPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EKS::Nodegroup";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("averageNodes", "nodes", -1, "nodes running on average (-1: the desired size)"),
                new UsageKey("spotDiscountPercent", "%", 65, "Spot's discount on the on-demand price"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView group = context.resource();
        List<String> types = new ArrayList<>();
        group.property("InstanceTypes").ifPresent(list -> list.forEach(t -> types.add(t.asText())));
        String type = types.isEmpty() ? "t3.medium" : types.get(0);
        if (types.size() > 1) {
            context.note("several instance types: priced as " + type);
        }
        double nodes = context.usage().number("averageNodes");
        if (nodes < 0) {
            nodes = group.number("ScalingConfig.DesiredSize", group.number("ScalingConfig.MinSize", 1));
        }
        boolean spot = group.text("CapacityType", "ON_DEMAND").equals("SPOT");
        java.math.BigDecimal onDemand = context.rates().rate(PriceKind.EC2_INSTANCE_HOUR, type);
        java.math.BigDecimal hourly = onDemand;
        if (spot) {
            double discount = context.usage().number("spotDiscountPercent");
            hourly = onDemand.multiply(java.math.BigDecimal.valueOf(1 - discount / 100.0), java.math.MathContext.DECIMAL64);
            context.note("Spot at " + Usage.format(discount) + "% off on-demand ($" + onDemand.toPlainString()
                    + "/h): a profile assumption, not a price");
        }
        double disk = group.number("DiskSize", 20);
        return List.of(
                CostLine.of(Usage.format(nodes) + " x " + type + (spot ? " Spot" : " on-demand"),
                        nodes * Money.HOURS_PER_MONTH, "instance-hour", hourly),
                CostLine.of("gp3 root volumes", nodes * disk, "GB-month", context.rates().rate(PriceKind.EBS, "gp3.gb-month")));
    }
}
