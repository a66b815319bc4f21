package dev.tally.audit.scan.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Copies tag maps defensively (sorted, unmodifiable, null-safe) so every model record holds an immutable one. */
final class Tags {
    private Tags() {
    }

    static Map<String, String> copyOf(Map<String, String> tags) {
        return tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
