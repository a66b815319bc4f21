package dev.tally.audit.chargeback.allocation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns raw tag values into canonical owner names: trim, case-fold, then aliases ({@code Payments},
 * {@code payments-team} → {@code payments}). Values that mean "nobody" ({@code none}, {@code unknown}) count as
 * untagged, so they land in the untagged pool rather than becoming an owner called "unknown".
 *
 * @param trim           strip surrounding whitespace (default true)
 * @param caseFold       compare and report in lower case (default true)
 * @param aliases        normalised alias → canonical owner
 * @param untaggedValues normalised values treated as no tag at all (the empty string always is)
 */
public record OwnerNames(boolean trim, boolean caseFold, Map<String, String> aliases, Set<String> untaggedValues) {
    public OwnerNames {
        aliases = Map.copyOf(aliases);
        untaggedValues = Set.copyOf(untaggedValues);
    }

    /** Trim and case-fold, no aliases. */
    public static OwnerNames defaults() {
        return new OwnerNames(true, true, Map.of(), Set.of());
    }

    /** Trim and case-fold only: how alias keys, owners named in rules and raw values are compared. */
    public String fold(String raw) {
        String value = trim ? raw.strip() : raw;
        return caseFold ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** The canonical owner a raw tag value names, or empty when the value means untagged. */
    public Optional<String> canonical(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = fold(raw);
        if (folded.isEmpty() || folded.isBlank() || untaggedValues.contains(folded)) {
            return Optional.empty();
        }
        return Optional.of(aliases.getOrDefault(folded, folded));
    }
}
