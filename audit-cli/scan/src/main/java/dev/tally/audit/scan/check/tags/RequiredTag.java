package dev.tally.audit.scan.check.tags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One cost-allocation tag every applicable resource must carry.
 *
 * @param key           the tag key, matched case-insensitively ({@code tally:owner} matches {@code Tally:Owner})
 * @param appliesTo     resource types ({@code service:type} or a whole {@code service}) it is required on; empty =
 *                      every type
 * @param exempt        resource types it is not required on, even when {@code appliesTo} covers them
 * @param allowedValues the values accepted (compared case-insensitively), empty = any non-blank value
 */
public record RequiredTag(String key, Set<String> appliesTo, Set<String> exempt, List<String> allowedValues) {

    public RequiredTag {
        Objects.requireNonNull(key, "key");
        appliesTo = lower(appliesTo);
        exempt = lower(exempt);
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** Whether the tag is required on resources of this {@code service:type}. */
    public boolean appliesTo(String resourceType) {
        String type = resourceType.toLowerCase(Locale.ROOT);
        String service = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
        boolean covered = appliesTo.isEmpty() || appliesTo.contains(type) || appliesTo.contains(service);
        boolean excused = exempt.contains(type) || exempt.contains(service);
        return covered && !excused;
    }

    /** The value the resource carries for this key (key compared case-insensitively), if any. */
    public Optional<String> valueIn(java.util.Map<String, String> tags) {
        return tags.entrySet().stream()
                .filter(e -> e.getKey().trim().equalsIgnoreCase(key))
                .map(java.util.Map.Entry::getValue)
                .findFirst();
    }

    /** Whether a value is acceptable: non-blank and, when values are listed, one of them. */
    public boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return allowedValues.isEmpty() || allowedValues.stream().anyMatch(v -> v.equalsIgnoreCase(value.trim()));
    }

    private static Set<String> lower(Set<String> types) {
        return types == null ? Set.of()
                : types.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
