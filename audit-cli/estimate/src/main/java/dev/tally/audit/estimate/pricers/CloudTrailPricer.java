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
 * {@code AWS::CloudTrail::Trail}: data events when the trail selects any (event selectors with data resources, or
 * advanced selectors on {@code eventCategory = Data}). The first copy of management events is free, so a trail that
 * logs only those costs nothing here (S3 storage of the logs is the bucket's).
 */
public final class CloudTrailPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudTrail::Trail";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("dataEventsPerMonth", "events/month", 0, "data events recorded (S3 object, Lambda invoke)"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView trail = context.resource();
        boolean data = trail.property("EventSelectors").map(s -> s.toString().contains("DataResources")).orElse(false)
                || trail.property("AdvancedEventSelectors").map(s -> s.toString().contains("\"Data\"")).orElse(false);
        double events = context.usage().number("dataEventsPerMonth");
        if (!data) {
            context.note("management events only: the first copy is free"
                    + (events > 0 ? "; the profile's data events are ignored (the trail selects none)" : ""));
            return List.of();
        }
        return List.of(CostLine.of("data events", events / 1e5, "100K events",
                context.rates().rate(PriceKind.CLOUDTRAIL, "data-events.per-100k")));
    }
}
