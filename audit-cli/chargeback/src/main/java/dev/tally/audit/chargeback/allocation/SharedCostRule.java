package dev.tally.audit.chargeback.allocation;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostRow;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of cost that belongs to everyone (support, tax, a shared networking account, a security service) and how it
 * is divided. A row matches when it satisfies every criterion that is given (an empty set is "any"); at least one
 * criterion is required. Shared rules take precedence over tags: a tagged row in a shared account is still shared,
 * because designating the account shared is the more deliberate decision.
 *
 * @param name     the name the report shows for this pool
 * @param kinds    charge kinds that match, for example {@code SUPPORT}
 * @param accounts usage account ids that match
 * @param services service names that match, compared ignoring case
 * @param split    how the pool is divided
 */
public record SharedCostRule(String name, Set<ChargeKind> kinds, Set<String> accounts, Set<String> services,
        Split split) {
    public SharedCostRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(split, "split");
        kinds = Set.copyOf(kinds);
        accounts = Set.copyOf(accounts);
        services = services.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (kinds.isEmpty() && accounts.isEmpty() && services.isEmpty()) {
            throw new IllegalArgumentException("shared rule '" + name + "' matches nothing: give kinds, accounts or services");
        }
    }

    public boolean matches(CostRow row) {
        return (kinds.isEmpty() || kinds.contains(row.kind()))
                && (accounts.isEmpty() || accounts.contains(row.accountId()))
                && (services.isEmpty() || services.contains(row.service().toLowerCase(java.util.Locale.ROOT)));
    }
}
