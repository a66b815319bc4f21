package dev.tally.audit.chargeback.run;

import dev.tally.audit.common.cli.UserFacingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats of {@code -o/--output}, with the file extension used when {@code --output-file} is a folder. */
public enum ReportFormat {
    TABLE("txt"),
    CSV("csv"),
    JSON("json"),
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserFacingException.usage("-o/--output: unknown format '" + text + "' (valid: " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
        }
    }
}
