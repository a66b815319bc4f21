package dev.tally.audit.common.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The one reader of Tally's policy YAML files (scan thresholds, the tag policy, chargeback rules, {@code tally.yaml}):
 * parses a file into a tree and reads typed fields from it, collecting every problem with the file name and the
 * field's dotted path, so a user sees all their mistakes in one line rather than one per run.
 *
 * <p>A missing, unreadable or malformed file is a usage error naming it ({@code ExitCode.USAGE}); a field problem is
 * collected with {@link #problem} and they are all thrown together by {@link #throwIfProblems}.
 */
public final class PolicyYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private PolicyYaml(String source) {
        this.source = source;
    }

    /** Parses a file; a missing, unreadable or malformed file is a usage error naming it. */
    public static Parsed read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw UserFacingException.usage(file + ": file not found");
        } catch (IOException e) {
            throw UserFacingException.usage(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Parses a bundled resource (the defaults shipped in the jar). */
    public static Parsed readResource(String resource) {
        try (InputStream in = PolicyYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy " + resource + " is missing from the jar");
            }
            return parse(in, "bundled " + resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled policy " + resource, e);
        }
    }

    /** Parses YAML text; {@code source} names it in messages. */
    public static Parsed parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw UserFacingException.usage(source + ": not valid YAML" + where + " (" + detail + ")");
        } catch (IOException e) {
            throw UserFacingException.usage(source + ": cannot read it (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw UserFacingException.usage(source + ": expected a mapping at the top level");
        }
        return new Parsed(new PolicyYaml(source), root);
    }

    /** A parsed file and its reader. */
    public record Parsed(PolicyYaml reader, JsonNode root) {
    }

    /** The file's name as messages show it (a path, or "bundled /resource"). */
    public String source() {
        return source;
    }

    /** Records a problem already phrased with its field. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Records a problem of one field: {@code "field: message"}. */
    public void problem(String field, String message) {
        problems.add(field + ": " + message);
    }

    /** True once any problem has been recorded. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Fails with every problem found, on one line, when there are any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw failure();
        }
    }

    /** The usage error listing every problem so far, on one line, after the file's name. */
    public UserFacingException failure() {
        return UserFacingException.usage(source + ": " + String.join("; ", problems));
    }

    /** Reports fields of {@code node} not in {@code allowed}. */
    public void onlyFields(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add("unknown field '" + join(path, name) + "' (valid: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The child mapping, or null when absent; a non-mapping is a problem. */
    public JsonNode section(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(join(path, name) + " must be a mapping");
            return null;
        }
        return node;
    }

    /** A boolean field, or {@code fallback} when absent. */
    public boolean bool(JsonNode parent, String path, String name, boolean fallback) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(join(path, name) + " must be true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    /** A number field, or {@code fallback} when absent. */
    public double number(JsonNode parent, String path, String name, double fallback) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            problems.add(join(path, name) + " must be a number, was '" + node.asText() + "'");
            return fallback;
        }
        return node.doubleValue();
    }

    /** A whole-number field, or {@code fallback} when absent. */
    public int integer(JsonNode parent, String path, String name, int fallback) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(join(path, name) + " must be a whole number, was '" + node.asText() + "'");
            return fallback;
        }
        return node.intValue();
    }

    /** A single-value field as text, or {@code fallback} when absent. */
    public String text(JsonNode parent, String path, String name, String fallback) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            problems.add(join(path, name) + " must be a single value");
            return fallback;
        }
        return node.asText();
    }

    /** A list of non-blank values (trimmed); empty when absent. */
    public List<String> strings(JsonNode parent, String path, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(join(path, name) + " must be a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                problems.add(join(path, name) + " must hold non-blank values");
            } else {
                values.add(item.asText().trim());
            }
        }
        return values;
    }

    /** {@code path.name}, or {@code name} at the top level. */
    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
