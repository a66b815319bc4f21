package dev.tally.audit.common.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one policy comes from, so a report header can say which files were used: a file named by a flag, a file named
 * by the project's {@code tally.yaml}, or the default bundled with {@code tally}.
 *
 * @param kind        the policy
 * @param file        the file to read, or empty for the bundled default
 * @param description how a report header shows it, e.g. {@code policies/tag-policy.yaml (from /repo/tally.yaml)}
 */
public record PolicySource(PolicyKind kind, Optional<Path> file, String description) {

    static PolicySource fromFlag(PolicyKind kind, Path file) {
        return new PolicySource(kind, Optional.of(file), file + " (" + kind.flag() + ")");
    }

    static PolicySource fromProject(PolicyKind kind, Path file, Path projectFile) {
        return new PolicySource(kind, Optional.of(file), file + " (from " + projectFile + ")");
    }

    /** The default bundled with the CLI. */
    public static PolicySource bundled(PolicyKind kind) {
        return new PolicySource(kind, Optional.empty(), "bundled default");
    }

    /** {@code "label: description"}, one entry of a header's list of files used. */
    public String headerEntry() {
        return kind.label() + ": " + description;
    }
}
