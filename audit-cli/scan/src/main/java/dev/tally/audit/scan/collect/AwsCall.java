package dev.tally.audit.scan.collect;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one adapter call and names it on failure: every adapter method wraps its SDK call (and the iteration of its
 * paginator, which issues the later calls) so a failure carries its service and operation up to the collector.
 */
public final class AwsCall {
    private AwsCall() {
    }

    /** Runs {@code call}; an {@link SdkException} comes out as a {@link FailedCall} naming the operation. */
    public static <T> T named(String service, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException failure) {
            throw new FailedCall(service, operation, failure);
        }
    }
}
