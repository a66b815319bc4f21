package dev.tally.audit.estimate.resolve;

/**
 * A value that cannot be known before deployment (a resource's physical id, a parameter without a default, an SSM
 * parameter, an import from another stack). Thrown by {@link TemplateScope#resolve} and caught per resource: the
 * resource is then reported as unresolved with this reason, never priced on a guess.
 */
public final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unresolvable(String reason) {
        super(reason, null, false, false);
    }
}
