package dev.tally.audit.scan.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is collected once per account rather than per region: S3 (bucket listing is global).
 *
 * @param accountId                the account (12 digits)
 * @param accountBlockPublicAccess the account-level S3 Block Public Access settings
 *                                 ({@code s3control:GetPublicAccessBlock}), or empty when none are configured or they
 *                                 could not be read
 * @param buckets                  every bucket the account owns, in every region (the scan filters by
 *                                 {@code --regions})
 * @param failures                 what could not be collected (a bucket whose ACL was denied, ...)
 */
public record AccountInventory(
        String accountId,
        Optional<BlockPublicAccess> accountBlockPublicAccess,
        List<Bucket> buckets,
        List<ScanFailure> failures) {

    public AccountInventory {
        Objects.requireNonNull(accountId, "accountId");
        accountBlockPublicAccess = accountBlockPublicAccess == null ? Optional.empty() : accountBlockPublicAccess;
        buckets = List.copyOf(buckets);
        failures = List.copyOf(failures);
    }

    /** An account with no buckets and no account-level settings. */
    public static AccountInventory empty(String accountId) {
        return new AccountInventory(accountId, Optional.empty(), List.of(), List.of());
    }
}
