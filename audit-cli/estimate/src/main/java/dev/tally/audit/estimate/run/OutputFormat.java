package dev.tally.audit.estimate.run;

import java.util.Locale;

/** {@code -o/--output}: how the estimate or the diff is written. */
public enum OutputFormat {
    TABLE, JSON, MARKDOWN;

    static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            case "markdown", "md" -> MARKDOWN;
            default -> throw new IllegalArgumentException("-o/--output '" + text + "': choose table, json or markdown");
        };
    }
}
