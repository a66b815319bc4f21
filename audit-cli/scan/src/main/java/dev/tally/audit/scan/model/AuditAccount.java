package dev.tally.audit.scan.model;

import java.util.Objects;

/**
 * One AWS account the scan covers.
 *
 * @param accountId the 12-digit account id
 * @param name      a human name (the Organizations account name), or the id again when none is known
 */
public record AuditAccount(String accountId, String name) {
    public AuditAccount {
        Objects.requireNonNull(accountId, "accountId");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("an AWS account id has 12 digits: '" + accountId + "'");
        }
        name = name == null || name.isBlank() ? accountId : name;
    }

    /** An account known only by its id. */
    public static AuditAccount of(String accountId) {
        return new AuditAccount(accountId, accountId);
    }
}
