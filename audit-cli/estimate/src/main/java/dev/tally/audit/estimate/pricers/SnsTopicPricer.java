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
 * {@code AWS::SNS::Topic}: publishes, HTTP and email deliveries, and SMS by destination country (ISO code →
 * messages). Deliveries to SQS and Lambda are free.
 */
public final class SnsTopicPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::SNS::Topic";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("publishesPerMonth", "publishes/month", 0, "messages published"),
                new UsageKey("httpDeliveriesPerMonth", "deliveries/month", 0, "HTTP/S endpoint deliveries"),
                new UsageKey("emailDeliveriesPerMonth", "deliveries/month", 0, "email deliveries"),
                new UsageKey("smsByCountry", "messages/month by country", 0, "SMS messages by ISO country code"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        Usage usage = context.usage();
        List<CostLine> lines = new ArrayList<>();
        lines.add(CostLine.of("publishes", usage.number("publishesPerMonth") / 1e6, "1M publishes",
                context.rates().rate(PriceKind.SNS, "publish.per-million")));
        double http = usage.number("httpDeliveriesPerMonth");
        if (http > 0) {
            lines.add(CostLine.of("HTTP deliveries", http / 1e6, "1M deliveries",
                    context.rates().rate(PriceKind.SNS, "http.delivery.per-million")));
        }
        double email = usage.number("emailDeliveriesPerMonth");
        if (email > 0) {
            lines.add(CostLine.of("email deliveries", email / 1e5, "100K deliveries",
                    context.rates().rate(PriceKind.SNS, "email.delivery.per-100k")));
        }
        usage.numbers("smsByCountry").forEach((country, messages) -> lines.add(CostLine.of("SMS to " + country,
                messages, "message", context.rates().rate(PriceKind.SNS, "sms." + country + ".message"))));
        return lines;
    }
}
