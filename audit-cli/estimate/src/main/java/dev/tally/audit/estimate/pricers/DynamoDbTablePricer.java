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
 * {@code AWS::DynamoDB::Table}: on-demand read and write request units (or provisioned capacity around the clock),
 * storage, point-in-time recovery on the stored GB when enabled, and stream read requests when a stream is on.
 * Stream reads by a Lambda trigger are free, so {@code streamReadRequestsPerMonth} defaults to 0.
 */
public final class DynamoDbTablePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::DynamoDB::Table";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("writeRequestUnitsPerMonth", "WRU/month", 0, "write request units (1 per KB written; 2 in a transaction)"),
                new UsageKey("readRequestUnitsPerMonth", "RRU/month", 0, "read request units (1 per 4 KB strongly consistent, 0.5 eventually)"),
                new UsageKey("storageGb", "GB", 0, "table and index size"),
                new UsageKey("streamReadRequestsPerMonth", "requests/month", 0, "GetRecords calls not made by Lambda triggers"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView table = context.resource();
        Usage usage = context.usage();
        List<CostLine> lines = new ArrayList<>();
        String billing = table.text("BillingMode", "PROVISIONED");
        if (billing.equals("PAY_PER_REQUEST")) {
            lines.add(CostLine.of("on-demand writes", usage.number("writeRequestUnitsPerMonth") / 1e6, "1M WRU",
                    context.rates().rate(PriceKind.DYNAMODB, "on-demand.write.per-million")));
            lines.add(CostLine.of("on-demand reads", usage.number("readRequestUnitsPerMonth") / 1e6, "1M RRU",
                    context.rates().rate(PriceKind.DYNAMODB, "on-demand.read.per-million")));
        } else {
            double wcu = table.number("ProvisionedThroughput.WriteCapacityUnits", 0);
            double rcu = table.number("ProvisionedThroughput.ReadCapacityUnits", 0);
            for (com.fasterxml.jackson.databind.JsonNode index : table.property("GlobalSecondaryIndexes")
                    .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
                wcu += index.path("ProvisionedThroughput").path("WriteCapacityUnits").asDouble(0);
                rcu += index.path("ProvisionedThroughput").path("ReadCapacityUnits").asDouble(0);
            }
            lines.add(CostLine.of("provisioned write capacity", wcu * Money.HOURS_PER_MONTH, "WCU-hour",
                    context.rates().rate(PriceKind.DYNAMODB, "provisioned.write.capacity-unit-hour")));
            lines.add(CostLine.of("provisioned read capacity", rcu * Money.HOURS_PER_MONTH, "RCU-hour",
                    context.rates().rate(PriceKind.DYNAMODB, "provisioned.read.capacity-unit-hour")));
            context.note("provisioned capacity priced as set, 730 h (auto scaling of the table is not simulated)");
        }
        double storage = usage.number("storageGb");
        boolean infrequent = table.text("TableClass", "STANDARD").equals("STANDARD_INFREQUENT_ACCESS");
        lines.add(CostLine.of(infrequent ? "storage (Standard-IA)" : "storage", storage, "GB-month",
                context.rates().rate(PriceKind.DYNAMODB, infrequent ? "storage.standard-ia.gb-month" : "storage.gb-month")));
        if (infrequent) {
            context.note("Standard-IA table: requests priced at Standard rates (IA's are higher)");
        }
        if (table.bool("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", false)) {
            lines.add(CostLine.of("point-in-time recovery", storage, "GB-month",
                    context.rates().rate(PriceKind.DYNAMODB, "pitr.gb-month")));
        }
        if (table.property("StreamSpecification.StreamViewType").isPresent()) {
            lines.add(CostLine.of("stream reads (non-Lambda)", usage.number("streamReadRequestsPerMonth") / 1e6,
                    "1M requests", context.rates().rate(PriceKind.DYNAMODB, "streams.read.per-million")));
        }
        return lines;
    }
}
