package dev.tally.audit.chargeback.allocation;

import dev.tally.audit.chargeback.model.CostRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a month's bill is divided among owners; loaded from {@code policies/chargeback/rules.yaml} by
 * {@link AllocationRulesLoader}.
 *
 * @param ownerTagKeys the tag keys that name the owner, in order of preference: the first one with a (non-untagged)
 *                     value wins, for example {@code tally:cost-center} then {@code tally:owner}
 * @param names        how tag values become owner names
 * @param parents      owner → parent (department), for the roll-up; owners not listed have no department
 * @param shared       shared-cost rules, tried in order; the first that matches a row takes it
 * @param untagged     how untagged direct usage is divided; empty keeps it visible as {@value #UNALLOCATED} (default)
 */
public record AllocationRules(List<String> ownerTagKeys, OwnerNames names, Map<String, String> parents,
        List<SharedCostRule> shared, Optional<Split> untagged) {

    /** The pseudo-owner of cost that no rule assigns. Parenthesised so it can never clash with a folded tag value. */
    public static final String UNALLOCATED = "(unallocated)";

    public AllocationRules {
        ownerTagKeys = List.copyOf(ownerTagKeys);
        Objects.requireNonNull(names, "names");
        parents = Map.copyOf(parents);
        shared = List.copyOf(shared);
        Objects.requireNonNull(untagged, "untagged");
        if (ownerTagKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one owner tag key is needed");
        }
    }

    /** The same rules with the owner named by one tag key only (the {@code --tag-key} override). */
    public AllocationRules withOwnerTagKey(String tagKey) {
        return new AllocationRules(List.of(tagKey), names, parents, shared, untagged);
    }

    /** The owner a row's tags name, trying {@link #ownerTagKeys} in order. */
    public Optional<String> ownerOf(CostRow row) {
        for (String key : ownerTagKeys) {
            Optional<String> owner = names.canonical(row.tags().get(key));
            // A tag literally saying "(unallocated)" must not impersonate the pseudo-owner.
            if (owner.isPresent() && !UNALLOCATED.equals(owner.get())) {
                return owner;
            }
        }
        return Optional.empty();
    }

    /** The first shared rule that takes this row, if any. */
    public Optional<SharedCostRule> sharedRuleFor(CostRow row) {
        return shared.stream().filter(rule -> rule.matches(row)).findFirst();
    }

    /** The owner's department, or empty. */
    public Optional<String> parentOf(String owner) {
        return Optional.ofNullable(parents.get(owner));
    }
}
