package dev.tally.audit.scan.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters, lowest first; {@code --fail-on} compares against it. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code low|medium|high|critical} (any case). */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (valid: " + Arrays.stream(values())
                    .map(Severity::label).collect(Collectors.joining(", ")) + ")", e);
        }
    }
}
