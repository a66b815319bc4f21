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

/** {@code AWS::EKS::Cluster}: the control plane's hours (standard support; extended support is 6x). */
public final class EksClusterPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EKS::Cluster";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of();
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        String version = context.resource().text("Version", "latest");
        context.note("Kubernetes " + version + " priced at standard support; a version past it pays extended support");
        return List.of(CostLine.of("EKS control plane", Money.HOURS_PER_MONTH, "cluster-hour",
                context.rates().rate(PriceKind.EKS, "cluster.standard.hour")));
    }
}
