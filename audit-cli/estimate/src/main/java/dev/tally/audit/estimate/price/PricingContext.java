package dev.tally.audit.estimate.price;

import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.resolve.TemplateScope;
import dev.tally.audit.estimate.usage.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pricer is given for one resource: the resource, its usage, the rates, and its stack (to follow the
 * resources that drive it, such as the scheduled actions of a scalable target). Pricers add caveats with
 * {@link #note}.
 */
public final class PricingContext {
    private final ResourceView resource;
    private final Usage usage;
    private final Rates rates;
    private final StackIndex stack;
    private final List<String> notes = new ArrayList<>();

    public PricingContext(ResourceView resource, Usage usage, Rates rates, StackIndex stack) {
        this.resource = resource;
        this.usage = usage;
        this.rates = rates;
        this.stack = stack;
    }

    public ResourceView resource() {
        return resource;
    }

    public Usage usage() {
        return usage;
    }

    public Rates rates() {
        return rates;
    }

    public StackIndex stack() {
        return stack;
    }

    public TemplateScope scope() {
        return resource.scope();
    }

    /** A caveat printed with the resource. */
    public void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
