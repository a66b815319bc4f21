package dev.tally.audit.estimate.price;

/** The price table has no rate a resource needs: the resource is reported as unpriced with this reason, never as $0. */
public final class MissingPrice extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingPrice(String reason) {
        super(reason, null, false, false);
    }
}
