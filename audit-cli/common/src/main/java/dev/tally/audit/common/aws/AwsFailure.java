package dev.tally.audit.common.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Names an AWS failure the way exit code 3 promises: the error code, the operation, the region and the account, e.g.
 * {@code AccessDeniedException on CostExplorer:GetCostAndUsage (region us-east-1, account 111122223333): User ...}.
 */
public final class AwsFailure {
    /** An account id inside an IAM or STS ARN, as AWS puts it in AccessDenied messages. */
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::(\\d{12}):");

    private AwsFailure() {
    }

    /**
     * One line naming the failure.
     *
     * @param service   the SDK's service name ({@code CostExplorer}, {@code Ec2})
     * @param operation the operation ({@code GetCostAndUsage})
     * @param region    the region the call went to
     * @param account   the account, when known; otherwise it is read from the error message's ARN if there is one
     * @param failure   what the SDK threw
     */
    public static String describe(String service, String operation, String region, Optional<String> account,
                                  Throwable failure) {
        String code = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null ? aws.awsErrorDetails().errorCode()
                : failure.getClass().getSimpleName();
        String message = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null ? aws.awsErrorDetails().errorMessage()
                : String.valueOf(failure.getMessage());
        String who = account.or(() -> accountIn(message)).orElse("unknown");
        return code + " on " + service + ":" + operation + " (region " + region + ", account " + who + "): " + message;
    }

    /** The account id of the first IAM/STS ARN in {@code message}, if any. */
    public static Optional<String> accountIn(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = ACCOUNT_IN_ARN.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
