package dev.tally.audit.estimate.estimate;

import dev.tally.audit.estimate.assembly.CloudAssembly;
import dev.tally.audit.estimate.assembly.StackTemplate;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.MissingPrice;
import dev.tally.audit.estimate.price.PricerCatalog;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.Rates;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.price.ResourceCost.Status;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.price.StackIndex;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.resolve.TemplateScope;
import dev.tally.audit.estimate.resolve.Unresolvable;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageProfile;
import dev.tally.audit.scan.pricing.PriceTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The price stage: every resource of every selected stack through its pricer. A resource whose pricer cannot work —
 * no pricer, no rate in the table, a property known only at deployment — keeps its place in the estimate with the
 * reason, so nothing is silently $0.
 */
public final class Estimator {
    private final PricerCatalog catalog;
    private final PriceTable prices;
    private final String defaultRegion;

    /**
     * @param defaultRegion the region priced for environment-agnostic stacks
     */
    public Estimator(PricerCatalog catalog, PriceTable prices, String defaultRegion) {
        this.catalog = catalog;
        this.prices = prices;
        this.defaultRegion = defaultRegion;
    }

    /** Prices the stacks whose path {@code selected} accepts. */
    public Estimate estimate(CloudAssembly assembly, UsageProfile profile, Predicate<String> selected) {
        List<StackCost> stacks = new ArrayList<>();
        for (StackTemplate stack : assembly.stacks()) {
            if (selected.test(stack.path())) {
                stacks.add(priceStack(stack, profile));
            }
        }
        return new Estimate(assembly.source().toString(), profile, prices, stacks);
    }

    private StackCost priceStack(StackTemplate stack, UsageProfile profile) {
        String region = stack.region().orElse(defaultRegion);
        Rates rates = new Rates(prices, region);
        TemplateScope scope = new TemplateScope(stack);
        StackIndex index = new StackIndex(scope);
        List<ResourceCost> costs = new ArrayList<>();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            String logicalId = it.next().getKey();
            costs.add(priceResource(stack.path(), new ResourceView(scope, logicalId), profile, rates, index));
        }
        return new StackCost(stack.path(), stack.stackName(), region, costs);
    }

    private ResourceCost priceResource(String stack, ResourceView resource, UsageProfile profile, Rates rates,
            StackIndex index) {
        String type = resource.type();
        try {
            Optional<Boolean> created = index.scope().resourceCondition(resource.logicalId());
            if (created.isPresent() && !created.get()) {
                return result(stack, resource, Status.SKIPPED, List.of(), null, List.of("not created: its Condition is false"));
            }
        } catch (Unresolvable e) {
            return result(stack, resource, Status.UNRESOLVED, List.of(), null, List.of(e.getMessage()));
        }
        if (catalog.isFree(type)) {
            return result(stack, resource, Status.FREE, List.of(), null, List.of());
        }
        Optional<ResourcePricer> pricer = catalog.pricerFor(type);
        if (pricer.isEmpty()) {
            return result(stack, resource, Status.UNPRICED, List.of(), null, List.of("no pricer for " + type));
        }
        Usage usage = new Usage(pricer.get().usageKeys(), profile, type, resource.path(), resource.logicalId());
        PricingContext context = new PricingContext(resource, usage, rates, index);
        try {
            List<CostLine> lines = pricer.get().price(context);
            List<String> notes = new ArrayList<>(context.notes());
            usage.note().ifPresent(n -> notes.add(0, n));
            if (!usage.used().isEmpty() && !usage.fromProfile()) {
                notes.add("no usage in the profile for this resource: built-in defaults (traffic 0)");
            }
            return result(stack, resource, Status.PRICED, lines, usage, notes);
        } catch (MissingPrice | Unresolvable e) {
            Status status = e instanceof MissingPrice ? Status.UNPRICED : Status.UNRESOLVED;
            return result(stack, resource, status, List.of(), usage, List.of(e.getMessage()));
        }
    }

    private static ResourceCost result(String stack, ResourceView resource, Status status, List<CostLine> lines,
            Usage usage, List<String> notes) {
        return new ResourceCost(stack, resource.logicalId(), resource.type(), resource.path(), status, lines,
                usage == null ? List.of() : usage.used(), resource.orderedDrivers(), notes);
    }
}
