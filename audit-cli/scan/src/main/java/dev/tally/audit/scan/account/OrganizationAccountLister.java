package dev.tally.audit.scan.account;

import dev.tally.audit.scan.collect.AwsCall;
import dev.tally.audit.scan.model.AuditAccount;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * Lists the organisation's active member accounts ({@code organizations:ListAccounts}, every page; callable from the
 * management account or a delegated administrator). Suspended, closing and pending accounts are skipped: roles
 * cannot be assumed in them.
 */
public final class OrganizationAccountLister {
    private final OrganizationsClient organizations;

    public OrganizationAccountLister(OrganizationsClient organizations) {
        this.organizations = organizations;
    }

    /** Active accounts, sorted by id. */
    public List<AuditAccount> activeAccounts() {
        return AwsCall.named("Organizations", "ListAccounts", () ->
                organizations.listAccountsPaginator(r -> r.maxResults(20)).stream()
                        .flatMap(page -> page.accounts().stream())
                        .filter(OrganizationAccountLister::isActive)
                        .map(a -> new AuditAccount(a.id(), a.name()))
                        .sorted(Comparator.comparing(AuditAccount::accountId))
                        .toList());
    }

    /** {@code State} replaced {@code Status} in 2025; read the new field and fall back to the old one. */
    static boolean isActive(Account account) {
        String state = account.stateAsString();
        if (state != null) {
            return "ACTIVE".equals(state);
        }
        return "ACTIVE".equals(account.statusAsString());
    }
}
