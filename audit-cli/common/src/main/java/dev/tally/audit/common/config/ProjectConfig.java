package dev.tally.audit.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.policy.PolicyYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A project's {@code tally.yaml}: which rules, tag policy and thresholds files {@code tally} uses in this project, so
 * that the same command gives the same report from any folder inside it. Found like {@code .git}: in the current
 * folder or the nearest one above it. Paths in it are relative to the folder holding it.
 *
 * <pre>
 * # tally.yaml
 * rules: policies/chargeback/rules.yaml        # tally chargeback
 * tag-policy: policies/tag-policy.yaml         # tally scan (untagged)
 * thresholds: policies/audit/thresholds.yaml   # tally scan (idle-ec2, orphaned-lb)
 * usage: policies/usage/renewal.yaml           # tally estimate
 * </pre>
 *
 * <p>Every field is optional; an unknown field, a blank value or a file that does not exist is an error naming
 * {@code tally.yaml} and the field, all reported at once.
 *
 * @param file  the {@code tally.yaml} read, or empty when none was found (every policy is then the bundled default)
 * @param files the policy files it names, resolved against its folder
 */
public record ProjectConfig(Optional<Path> file, Map<PolicyKind, Path> files) {
    /** The project file's name. */
    public static final String FILE_NAME = "tally.yaml";

    public ProjectConfig {
        files = files.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(files));
    }

    /** No project file: bundled defaults everywhere. */
    public static ProjectConfig none() {
        return new ProjectConfig(Optional.empty(), Map.of());
    }

    /**
     * The {@code tally.yaml} in {@code start} or the nearest folder above it, or {@link #none()}.
     *
     * @throws UserFacingException (usage) when the file found is broken, naming it and every bad field
     */
    public static ProjectConfig discover(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        return none();
    }

    /**
     * Reads one project file (the one {@code --config} names, or the one discovered).
     *
     * @throws UserFacingException (usage) naming the file and every bad field
     */
    public static ProjectConfig load(Path file) {
        PolicyYaml.Parsed parsed = PolicyYaml.read(file);
        PolicyYaml yaml = parsed.reader();
        JsonNode root = parsed.root();
        Map<String, PolicyKind> byField = new java.util.LinkedHashMap<>();
        for (PolicyKind kind : PolicyKind.values()) {
            byField.put(kind.configField(), kind);
        }
        yaml.onlyFields(root, "", byField.keySet());
        Path base = file.toAbsolutePath().normalize().getParent();
        Map<PolicyKind, Path> files = new EnumMap<>(PolicyKind.class);
        byField.forEach((field, kind) -> {
            String value = yaml.text(root, "", field, null);
            if (value == null) {
                return;
            }
            if (value.isBlank()) {
                yaml.problem(field, "is empty: name a file, or remove the line to use the bundled default");
                return;
            }
            Path resolved = base.resolve(value.strip()).normalize();
            if (!Files.isRegularFile(resolved)) {
                yaml.problem(field, "file " + resolved + " does not exist (paths are relative to " + base + ")");
                return;
            }
            files.put(kind, resolved);
        });
        yaml.throwIfProblems();
        return new ProjectConfig(Optional.of(file.toAbsolutePath().normalize()), files);
    }

    /**
     * Which file to use for one policy: the flag's file if given, else this project's, else the bundled default.
     *
     * @param kind     the policy
     * @param flagFile the file the command's flag names, or null
     */
    public PolicySource choose(PolicyKind kind, Path flagFile) {
        if (flagFile != null) {
            return PolicySource.fromFlag(kind, flagFile);
        }
        Path fromProject = files.get(kind);
        if (fromProject != null) {
            return PolicySource.fromProject(kind, fromProject, file.orElseThrow());
        }
        return PolicySource.bundled(kind);
    }
}
