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

/** {@code AWS::CloudWatch::CompositeAlarm}: one composite alarm-month. */
public final class CloudWatchCompositeAlarmPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudWatch::CompositeAlarm";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of();
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        return List.of(CostLine.of("composite alarm", 1, "alarm-month",
                context.rates().rate(PriceKind.CLOUDWATCH, "alarm.composite.alarm-month")));
    }
}
