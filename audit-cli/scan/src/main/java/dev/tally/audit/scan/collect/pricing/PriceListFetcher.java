package dev.tally.audit.scan.collect.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.scan.collect.AwsCall;
import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceKind;
import dev.tally.audit.scan.pricing.PriceListSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * Current on-demand prices from the AWS Price List API ({@code pricing:GetProducts}, served from us-east-1, JSON 1.1,
 * every page). Each product comes back as a JSON document inside a JSON string; the on-demand price is the single
 * {@code pricePerUnit.USD} under {@code terms.OnDemand}.
 *
 * <ul>
 *   <li>EC2: Linux, shared tenancy, no pre-installed software, "No License required", capacity status "Used" (the
 *       filters exclude reservations and dedicated hosts): one hourly price per instance type.</li>
 *   <li>ELB: per load balancer type, the hourly charge ({@code LoadBalancerUsage}) and the capacity unit charge
 *       ({@code LCUUsage}; Classic: {@code DataProcessing-Bytes}, per GB). Outposts and other variants, whose usage
 *       type has a second qualifier, are skipped.</li>
 * </ul>
 */
public final class PriceListFetcher implements PriceListSource {
    /** A regional usage type: an optional region prefix ({@code EU-}, {@code USE2-}) then the charge. */
    private static final Pattern HOURLY = Pattern.compile("^([A-Z]+[0-9]*-)?LoadBalancerUsage$");
    private static final Pattern CAPACITY = Pattern.compile("^([A-Z]+[0-9]*-)?LCUUsage$");
    private static final Pattern CLASSIC_BYTES = Pattern.compile("^([A-Z]+[0-9]*-)?DataProcessing-Bytes$");
    private static final Map<String, String> ELB_FAMILIES = Map.of(
            "Load Balancer-Application", "application",
            "Load Balancer-Network", "network",
            "Load Balancer-Gateway", "gateway",
            "Load Balancer", "classic");

    private final PricingClient pricing;
    private final ObjectMapper json = new ObjectMapper();

    public PriceListFetcher(PricingClient pricing) {
        this.pricing = pricing;
    }

    @Override
    public String description() {
        return "AWS Price List API (pricing.us-east-1)";
    }

    @Override
    public List<PriceEntry> fetch(Set<String> regions) {
        Map<String, PriceEntry> entries = new LinkedHashMap<>();
        for (String region : new TreeSet<>(regions)) {
            for (JsonNode product : products("AmazonEC2", region, ec2Filters())) {
                ec2Entry(product, region).ifPresent(e -> entries.putIfAbsent(key(e), e));
            }
            for (JsonNode product : products("AWSELB", region, List.of())) {
                elbEntry(product, region).ifPresent(e -> entries.putIfAbsent(key(e), e));
            }
        }
        return List.copyOf(entries.values());
    }

    private static List<Filter> ec2Filters() {
        return List.of(match("operatingSystem", "Linux"), match("tenancy", "Shared"), match("preInstalledSw", "NA"),
                match("licenseModel", "No License required"), match("capacitystatus", "Used"));
    }

    private List<JsonNode> products(String serviceCode, String region, List<Filter> filters) {
        List<Filter> all = new ArrayList<>(filters);
        all.add(match("regionCode", region));
        GetProductsRequest request = GetProductsRequest.builder()
                .serviceCode(serviceCode)
                .formatVersion("aws_v1")
                .filters(all)
                .maxResults(100)
                .build();
        List<String> documents = AwsCall.named("Pricing", "GetProducts", () ->
                pricing.getProductsPaginator(request).priceList().stream().toList());
        List<JsonNode> products = new ArrayList<>(documents.size());
        for (String document : documents) {
            try {
                products.add(json.readTree(document));
            } catch (IOException e) {
                throw new UncheckedIOException("the Price List API returned a product that is not JSON", e);
            }
        }
        return products;
    }

    static Optional<PriceEntry> ec2Entry(JsonNode product, String region) {
        String type = product.path("product").path("attributes").path("instanceType").asText("");
        return type.isEmpty() ? Optional.empty() : onDemandUsd(product, "Hrs")
                .map(usd -> new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, region, type, usd));
    }

    static Optional<PriceEntry> elbEntry(JsonNode product, String region) {
        String type = ELB_FAMILIES.get(product.path("product").path("productFamily").asText(""));
        String usage = product.path("product").path("attributes").path("usagetype").asText("");
        if (type == null) {
            return Optional.empty();
        }
        if (HOURLY.matcher(usage).matches()) {
            return onDemandUsd(product, null)
                    .map(usd -> new PriceEntry(PriceKind.LOAD_BALANCER_HOUR, region, type, usd));
        }
        boolean capacity = type.equals("classic") ? CLASSIC_BYTES.matcher(usage).matches()
                : CAPACITY.matcher(usage).matches();
        return capacity ? onDemandUsd(product, null)
                .map(usd -> new PriceEntry(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, region, type, usd))
                : Optional.empty();
    }

    /** The on-demand price of the first dimension (with the given unit, when one is given) above zero range. */
    static Optional<BigDecimal> onDemandUsd(JsonNode product, String unit) {
        Iterator<JsonNode> terms = product.path("terms").path("OnDemand").elements();
        while (terms.hasNext()) {
            Iterator<JsonNode> dimensions = terms.next().path("priceDimensions").elements();
            while (dimensions.hasNext()) {
                JsonNode dimension = dimensions.next();
                if (unit != null && !unit.equals(dimension.path("unit").asText())) {
                    continue;
                }
                String usd = dimension.path("pricePerUnit").path("USD").asText("");
                if (!usd.isEmpty()) {
                    return Optional.of(new BigDecimal(usd).stripTrailingZeros());
                }
            }
        }
        return Optional.empty();
    }

    private static Filter match(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    private static String key(PriceEntry entry) {
        return entry.kind() + "|" + entry.region() + "|" + entry.product();
    }
}
