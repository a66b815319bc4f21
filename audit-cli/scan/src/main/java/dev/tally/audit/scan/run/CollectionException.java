package dev.tally.audit.scan.run;

/**
 * A collection step failed in a way the scan should record and survive (access denied, throttled past retries, an
 * opt-in region). Carries the AWS service so the failure line says where to look.
 */
public class CollectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String service;

    /**
     * @param service the AWS service that failed, as the SDK names it ({@code EC2}, {@code CloudWatch}, {@code STS})
     * @param message one line: what failed and why, for example {@code AccessDenied on sts:AssumeRole}
     * @param cause   the underlying exception, or null
     */
    public CollectionException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
