package dev.tally.audit.estimate.price;

import dev.tally.audit.estimate.usage.UsageKey;
import java.util.List;

/**
 * Prices one CloudFormation resource type for a month: pure (no I/O), from the resource's properties, its usage
 * figures and the rates. One implementation per type, each unit-tested with hand-computed cases.
 */
public interface ResourcePricer {

    /** The CloudFormation type priced ({@code AWS::Lambda::Function}). */
    String resourceType();

    /** The usage figures it reads from a profile, with their built-in defaults. */
    List<UsageKey> usageKeys();

    /**
     * The charges.
     *
     * @throws MissingPrice                                         when the price table lacks a rate
     * @throws dev.tally.audit.estimate.resolve.Unresolvable       when a property it needs is known only at deployment
     */
    List<CostLine> price(PricingContext context);
}
