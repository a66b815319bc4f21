package dev.tally.constructs.compliance;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A construct path naming the resource a suppression applies to, such as
 * {@code /Staging/Renewal/Pipeline/Worker/ServiceRole/DefaultPolicy/Resource}.
 *
 * <p>Paths are absolute construct paths as cdk-nag reports them (leading {@code /}, then the stage and stack ids).
 * A segment may be exactly {@code *}, which matches any one segment: that lets one entry name the same resource in
 * every stage of an app with identical topology ({@code /*}{@code /Renewal/...}) without ever widening to a subtree.
 * The gate additionally requires a pattern to match at most one CloudFormation resource per stack, so a suppression
 * always stays scoped to a single resource.
 */
public final class SuppressionPath {

    private static final String WILDCARD = "*";

    private final String text;
    private final List<String> segments;

    private SuppressionPath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a pattern, or explains why it is not one.
     *
     * @return the problem, empty when {@code text} is a valid pattern
     */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("path is required (an absolute construct path such as /Staging/Renewal/Queue/Resource)");
        }
        if (!text.startsWith("/")) {
            return Optional.of("path '" + text + "' must be absolute: start it with '/' followed by the stage or stack id");
        }
        String[] parts = text.substring(1).split("/", -1);
        if (parts.length < 2) {
            return Optional.of("path '" + text + "' names a stack, not a resource: suppress findings on one resource");
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return Optional.of("path '" + text + "' has an empty segment ('//' or a trailing '/')");
            }
            if (part.contains(WILDCARD) && !part.equals(WILDCARD)) {
                return Optional.of("path '" + text + "' uses '*' inside a segment; '*' may only stand for one whole segment");
            }
        }
        if (parts[parts.length - 1].equals(WILDCARD)) {
            return Optional.of("path '" + text + "' ends in '*', which would match every child; name the resource itself");
        }
        return Optional.empty();
    }

    /** Parses a pattern that {@link #problemWith} accepted. */
    public static SuppressionPath parse(String text) {
        problemWith(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new SuppressionPath(text, Arrays.asList(text.substring(1).split("/", -1)));
    }

    /**
     * Whether this pattern names the construct at {@code constructPath} (a node path, with or without the leading
     * {@code /}). Like cdk-nag, a pattern naming an L2 construct also matches its {@code Resource} child.
     */
    public boolean matches(String constructPath) {
        String path = constructPath.startsWith("/") ? constructPath.substring(1) : constructPath;
        String[] parts = path.split("/", -1);
        return matchesSegments(parts, parts.length)
                || (parts.length > 1 && parts[parts.length - 1].equals("Resource") && matchesSegments(parts, parts.length - 1));
    }

    private boolean matchesSegments(String[] parts, int count) {
        if (count != segments.size()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            String expected = segments.get(i);
            if (!expected.equals(WILDCARD) && !expected.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
