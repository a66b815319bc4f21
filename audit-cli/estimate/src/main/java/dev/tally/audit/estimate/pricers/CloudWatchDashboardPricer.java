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

/** {@code AWS::CloudWatch::Dashboard}: one dashboard-month (the account's first three are free; not deducted here). */
public final class CloudWatchDashboardPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudWatch::Dashboard";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of();
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        context.note("an account's first 3 dashboards are free: not deducted");
        return List.of(CostLine.of("dashboard", 1, "dashboard-month",
                context.rates().rate(PriceKind.CLOUDWATCH, "dashboard.dashboard-month")));
    }
}
