package dev.tally.audit.estimate.pricers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.estimate.resolve.TemplateScope;
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
 * {@code AWS::CloudWatch::Alarm}: one alarm-month per metric it evaluates (a metric-math alarm pays for each metric
 * it reads), at the high-resolution rate when its period is under a minute.
 */
public final class CloudWatchAlarmPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudWatch::Alarm";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of();
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView alarm = context.resource();
        int metrics = 1;
        double period = alarm.number("Period", 60);
        // The metric queries are read unresolved: their dimensions (a queue's name) are deployment values, but only
        // how many metrics there are and their periods set the price.
        JsonNode queries = alarm.rawProperties().path("Metrics");
        if (queries.isArray() && queries.size() > 0) {
            metrics = 0;
            for (JsonNode query : queries) {
                if (query.has("MetricStat")) {
                    metrics++;
                    JsonNode queryPeriod = query.path("MetricStat").path("Period");
                    if (TemplateScope.isIntrinsic(queryPeriod)) {
                        queryPeriod = context.scope().resolve(queryPeriod);
                    }
                    period = Math.min(period, queryPeriod.asDouble(60));
                }
            }
            metrics = Math.max(metrics, 1);
        }
        boolean highResolution = period < 60;
        return List.of(CostLine.of((highResolution ? "high-resolution" : "standard") + " alarm metrics", metrics,
                "alarm metric-month", context.rates().rate(PriceKind.CLOUDWATCH,
                        (highResolution ? "alarm.high-resolution" : "alarm.standard") + ".alarm-month")));
    }
}
