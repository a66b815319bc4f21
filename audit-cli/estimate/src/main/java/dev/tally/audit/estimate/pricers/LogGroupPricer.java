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
 * {@code AWS::Logs::LogGroup}: ingestion, and storage at steady state: a month's ingestion kept for the retention
 * ({@code RetentionInDays} / 30 months of it). A group that never expires holds {@code storedGbWithoutRetention}.
 * Stored GB is counted as ingested, before CloudWatch's compression, so storage is an upper bound.
 */
public final class LogGroupPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Logs::LogGroup";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("ingestedGbPerMonth", "GB/month", 0, "log data ingested"),
                new UsageKey("storedGbWithoutRetention", "GB", 0, "GB held by a group that never expires"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView group = context.resource();
        Usage usage = context.usage();
        double ingested = usage.number("ingestedGbPerMonth");
        boolean infrequent = group.text("LogGroupClass", "STANDARD").equals("INFREQUENT_ACCESS");
        double retentionDays = group.number("RetentionInDays", -1);
        double stored = retentionDays < 0 ? usage.number("storedGbWithoutRetention") : ingested * retentionDays / 30.0;
        if (retentionDays < 0) {
            context.note("no retention: logs are kept forever and the stored GB grows every month");
        }
        List<CostLine> lines = new ArrayList<>();
        lines.add(CostLine.of(infrequent ? "ingestion (Infrequent Access)" : "ingestion", ingested, "GB",
                context.rates().rate(PriceKind.CLOUDWATCH, infrequent ? "logs.infrequent-access.ingest.gb" : "logs.ingest.gb")));
        lines.add(CostLine.of("storage", stored, "GB-month",
                context.rates().rate(PriceKind.CLOUDWATCH, "logs.storage.gb-month")));
        return lines;
    }
}
