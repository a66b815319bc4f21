package dev.tally.audit.scan.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code tally scan} flags that choose accounts, as a picocli mixin, validated into an {@link AccountSelection}. */
public final class AccountOptions {
    @Option(names = "--accounts", split = ",", paramLabel = "ACCOUNT_ID",
            description = "Accounts to scan (12-digit ids, comma separated), each through --role-name.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--organization", description = "Scan every ACTIVE account of the organization (needs --role-name "
            + "for member accounts; run from the management or a delegated administrator account).")
    boolean organization;

    @Option(names = "--role-name", paramLabel = "ROLE", description = "Role to assume in each account of --accounts "
            + "or --organization, for example TallyAudit.")
    String roleName;

    /**
     * The validated selection.
     *
     * @throws IllegalArgumentException one line naming the problem
     */
    public AccountSelection selection() {
        Optional<String> role = Optional.ofNullable(roleName).map(String::trim);
        if (role.isPresent() && !role.get().matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("--role-name '" + role.get()
                    + "' is not an IAM role name (1-64 of letters, digits and +=,.@_-)");
        }
        if (organization && !accounts.isEmpty()) {
            throw new IllegalArgumentException("--organization and --accounts are exclusive: scan the whole "
                    + "organization or a list");
        }
        if (organization) {
            return new AccountSelection(AccountSelection.Mode.ORGANIZATION, List.of(), role);
        }
        if (!accounts.isEmpty()) {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            List<String> bad = new ArrayList<>();
            for (String id : accounts) {
                if (id.trim().matches("\\d{12}")) {
                    ids.add(id.trim());
                } else {
                    bad.add(id);
                }
            }
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException("--accounts: '" + String.join("', '", bad)
                        + "' is not a 12-digit AWS account id");
            }
            return new AccountSelection(AccountSelection.Mode.LISTED, List.copyOf(ids), role);
        }
        if (role.isPresent()) {
            throw new IllegalArgumentException("--role-name needs --accounts or --organization (the current account "
                    + "needs no role)");
        }
        return AccountSelection.current();
    }
}
