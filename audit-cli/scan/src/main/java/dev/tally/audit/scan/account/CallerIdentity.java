package dev.tally.audit.scan.account;

import dev.tally.audit.scan.collect.AwsCall;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The account the credentials belong to ({@code sts:GetCallerIdentity}, which needs no IAM permission): the default
 * scan target, and the account id S3 Control calls require.
 */
public final class CallerIdentity {
    private final StsClient sts;

    public CallerIdentity(StsClient sts) {
        this.sts = sts;
    }

    /** The 12-digit account id. */
    public String accountId() {
        return AwsCall.named("Sts", "GetCallerIdentity", () -> sts.getCallerIdentity().account());
    }
}
