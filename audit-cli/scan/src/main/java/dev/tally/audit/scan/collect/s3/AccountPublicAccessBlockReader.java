package dev.tally.audit.scan.collect.s3;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * Reads the account-level S3 Block Public Access ({@code s3:GetAccountPublicAccessBlock} through S3 Control, which
 * needs the account id: the caller gets it from STS GetCallerIdentity).
 */
public final class AccountPublicAccessBlockReader {
    private final S3ControlClient s3Control;

    public AccountPublicAccessBlockReader(S3ControlClient s3Control) {
        this.s3Control = s3Control;
    }

    /** The account's settings, or empty when none are configured ({@code NoSuchPublicAccessBlockConfiguration}). */
    public Optional<PublicAccessBlockConfiguration> accountPublicAccessBlock(String accountId) {
        return AwsCall.named("S3Control", "GetPublicAccessBlock", () -> {
            try {
                return Optional.of(s3Control.getPublicAccessBlock(r -> r.accountId(accountId))
                        .publicAccessBlockConfiguration());
            } catch (AwsServiceException e) {
                if (BucketReader.hasCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
