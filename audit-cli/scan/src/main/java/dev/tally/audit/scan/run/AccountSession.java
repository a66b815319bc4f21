package dev.tally.audit.scan.run;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.model.AuditAccount;
import java.util.Objects;

/**
 * An account the scan can act in: which account, and the AWS settings (credentials of the assumed role, or the
 * caller's own) every client for it must be built with.
 *
 * @param account  the account
 * @param settings the settings to build its clients with ({@link AwsSettings#build})
 */
public record AccountSession(AuditAccount account, AwsSettings settings) {
    public AccountSession {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(settings, "settings");
    }

    public String accountId() {
        return account.accountId();
    }
}
