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
 * {@code AWS::EC2::VPCEndpoint}: an interface endpoint pays an hourly charge in each subnet (availability zone) it
 * sits in, plus data processed; a gateway endpoint (S3, DynamoDB; the CloudFormation default) is free.
 */
public final class VpcEndpointPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::VPCEndpoint";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("dataProcessedGb", "GB/month", 0, "data through the endpoint per month"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView endpoint = context.resource();
        String type = endpoint.text("VpcEndpointType", "Gateway");
        if (type.equals("Gateway")) {
            context.note("gateway endpoint: no charge");
            return List.of();
        }
        // Subnets are references to subnets of the same template: count them without resolving their ids.
        int zones = Math.max(1, endpoint.rawProperties().path("SubnetIds").size());
        return List.of(
                CostLine.of(type + " endpoint in " + zones + " AZ", zones * Money.HOURS_PER_MONTH, "endpoint-AZ-hour",
                        context.rates().rate(PriceKind.VPC, "interface-endpoint.az-hour")),
                CostLine.of("data processed", context.usage().number("dataProcessedGb"), "GB",
                        context.rates().rate(PriceKind.VPC, "interface-endpoint.data.gb")));
    }
}
