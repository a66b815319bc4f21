package dev.tally.audit.scan.run;

import dev.tally.audit.scan.model.ScanFailure;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns whatever a collector threw into a one-line {@link ScanFailure} naming the service. */
final class Failures {
    private Failures() {
    }

    /** What the SDK says when its whole credential chain came up empty: a paragraph listing every provider. */
    private static final String NO_CREDENTIALS = "Unable to load credentials";
    static final String NO_CREDENTIALS_HINT = "no AWS credentials found: pass --profile (or set AWS_PROFILE), set "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or sign in with 'aws sso login --profile NAME'";

    static ScanFailure of(String accountId, String region, String fallbackService, Throwable thrown) {
        ScanFailure failure = describe(accountId, region, fallbackService, thrown);
        // One actionable line instead of the SDK's list of every provider it tried.
        return failure.message().contains(NO_CREDENTIALS)
                ? new ScanFailure(failure.accountId(), failure.region(), failure.service(), NO_CREDENTIALS_HINT)
                : failure;
    }

    private static ScanFailure describe(String accountId, String region, String fallbackService, Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof CollectionException c) {
            return new ScanFailure(accountId, region, c.service(), c.getMessage());
        }
        if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String service = aws.awsErrorDetails().serviceName() == null ? fallbackService
                    : aws.awsErrorDetails().serviceName();
            return new ScanFailure(accountId, region, service,
                    aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage());
        }
        if (t instanceof SdkException sdk) {
            return new ScanFailure(accountId, region, fallbackService, "ClientError: " + sdk.getMessage());
        }
        // A bug in a collector still fails only this part of the scan, with the type so it can be reported.
        return new ScanFailure(accountId, region, fallbackService, t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
