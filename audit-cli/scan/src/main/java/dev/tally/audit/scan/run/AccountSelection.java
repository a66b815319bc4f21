package dev.tally.audit.scan.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts to scan, as parsed and validated from the command line.
 *
 * @param mode       where the account list comes from
 * @param accountIds {@link Mode#LISTED}: the 12-digit ids given with {@code --accounts}, in order, without
 *                   duplicates; empty otherwise
 * @param roleName   the role to assume in each account ({@code --role-name}), for {@link Mode#LISTED} and
 *                   {@link Mode#ORGANIZATION}; empty means "act with the caller's own credentials" (only valid for
 *                   the caller's own account)
 */
public record AccountSelection(Mode mode, List<String> accountIds, Optional<String> roleName) {

    /** Where the account list comes from. */
    public enum Mode {
        /** Only the account the credentials belong to ({@code sts:GetCallerIdentity}), the default. */
        CURRENT,
        /** The accounts given with {@code --accounts}. */
        LISTED,
        /** Every ACTIVE account of the organisation ({@code organizations:ListAccounts}, {@code --organization}). */
        ORGANIZATION
    }

    public AccountSelection {
        Objects.requireNonNull(mode, "mode");
        accountIds = List.copyOf(accountIds);
        roleName = roleName == null ? Optional.empty() : roleName;
    }

    public static AccountSelection current() {
        return new AccountSelection(Mode.CURRENT, List.of(), Optional.empty());
    }
}
