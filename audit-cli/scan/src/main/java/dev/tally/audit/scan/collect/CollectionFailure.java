package dev.tally.audit.scan.collect;

import dev.tally.audit.scan.model.ScanFailure;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One part of a scan that failed (AccessDenied, UnauthorizedOperation, throttling that outlasted the retries, a region
 * that is not enabled), captured so the rest of the scan goes on and the report says exactly what is missing.
 *
 * @param account   the 12-digit account id, or {@code "-"} when it is not known yet
 * @param region    the region code, or {@code "global"} for account-wide calls (S3 ListBuckets, Organizations)
 * @param service   the SDK service name, for example {@code EC2}
 * @param operation the API operation, for example {@code DescribeInstances}
 * @param errorCode AWS's error code ({@code AccessDenied}, {@code Throttling}, ...) or, for failures that never
 *                  reached AWS (no route, no credentials), {@code ClientError}
 * @param message   AWS's or the SDK's message, one line
 */
public record CollectionFailure(String account, String region, String service, String operation, String errorCode,
                                String message) {

    /** The code given to failures that happened before any AWS error code could exist. */
    public static final String CLIENT_ERROR = "ClientError";

    public CollectionFailure {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(errorCode, "errorCode");
        message = message == null ? "" : message.replace('\n', ' ').strip();
    }

    /** Reads AWS's error code from an SDK exception (service errors) or marks it a client-side failure. */
    public static CollectionFailure of(String account, String region, String service, String operation,
                                       SdkException failure) {
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails().errorMessage();
            return new CollectionFailure(account, region, service, operation,
                    code == null ? "HTTP" + aws.statusCode() : code, message == null ? aws.getMessage() : message);
        }
        return new CollectionFailure(account, region, service, operation, CLIENT_ERROR, failure.getMessage());
    }

    /** The model's form: error code and operation lead the message ({@code AccessDenied on Ec2:DescribeInstances}). */
    public ScanFailure toScanFailure() {
        return new ScanFailure(account, region, service,
                errorCode + " on " + service + ":" + operation + (message.isEmpty() ? "" : ": " + message));
    }

    @Override
    public String toString() {
        return account + "/" + region + " " + service + ":" + operation + " " + errorCode + " (" + message + ")";
    }
}
