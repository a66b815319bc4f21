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
 * {@code AWS::SQS::Queue}: requests, each 64 KB chunk of a payload billed as one, at the standard or FIFO rate.
 * A message costs {@code requestsPerMessage} requests: 3 unbatched (send, receive, delete); a Lambda event source
 * receiving and deleting in batches of 10 brings it to about 1.2.
 */
public final class SqsQueuePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::SQS::Queue";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("messagesPerMonth", "messages/month", 0, "messages sent per month"),
                new UsageKey("requestsPerMessage", "requests", 3, "API requests per message (send, receive, delete)"),
                new UsageKey("averagePayloadKb", "KB", 1, "average message size (each 64 KB is one request)"),
                new UsageKey("emptyReceivesPerMonth", "requests/month", 0,
                        "receives that return nothing (long polling by an event source)"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        Usage usage = context.usage();
        boolean fifo = context.resource().bool("FifoQueue", false);
        double chunks = Math.max(1, Math.ceil(usage.number("averagePayloadKb") / 64.0));
        double requests = usage.number("messagesPerMonth") * usage.number("requestsPerMessage") * chunks
                + usage.number("emptyReceivesPerMonth");
        return List.of(CostLine.of((fifo ? "FIFO" : "standard") + " requests", requests / 1e6, "1M requests",
                context.rates().rate(PriceKind.SQS, (fifo ? "fifo" : "standard") + ".requests.per-million")));
    }
}
