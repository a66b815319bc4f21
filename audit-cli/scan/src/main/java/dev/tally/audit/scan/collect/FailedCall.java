package dev.tally.audit.scan.collect;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * An SDK failure tagged with the operation that raised it, so a collector several calls deep can report
 * {@code service:operation} without every adapter catching and re-wrapping.
 */
public final class FailedCall extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String service;
    private final String operation;
    private final transient SdkException sdkFailure;

    public FailedCall(String service, String operation, SdkException cause) {
        super(service + ":" + operation + " failed: " + cause.getMessage(), cause);
        this.service = service;
        this.operation = operation;
        this.sdkFailure = cause;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** The captured failure, placed in {@code account} / {@code region}. */
    public CollectionFailure toFailure(String account, String region) {
        return CollectionFailure.of(account, region, service, operation, sdkFailure);
    }
}
