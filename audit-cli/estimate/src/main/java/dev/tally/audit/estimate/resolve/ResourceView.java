package dev.tally.audit.estimate.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as a pricer reads it: properties by dotted path, resolved through its stack's {@link TemplateScope}.
 * Every property read is remembered with its value ({@link #drivers()}), so a diff can name the property that changed
 * a resource's price.
 */
public final class ResourceView {
    private final TemplateScope scope;
    private final String logicalId;
    private final JsonNode declaration;
    private final Map<String, String> drivers = new LinkedHashMap<>();

    public ResourceView(TemplateScope scope, String logicalId) {
        this.scope = scope;
        this.logicalId = logicalId;
        this.declaration = scope.resource(logicalId);
    }

    public String logicalId() {
        return logicalId;
    }

    public String type() {
        return declaration.path("Type").asText();
    }

    /** The construct path from the CDK's metadata ({@code Production/Renewal/Pipeline/Worker/Resource}), else the id. */
    public String path() {
        return declaration.path("Metadata").path("aws:cdk:path").asText(logicalId);
    }

    public TemplateScope scope() {
        return scope;
    }

    /** The raw, unresolved properties (to follow references to other resources). */
    public JsonNode rawProperties() {
        return declaration.path("Properties");
    }

    /**
     * The resolved property at {@code dottedPath} ({@code ProvisionedThroughput.ReadCapacityUnits}), if set.
     *
     * @throws Unresolvable naming the property when it cannot be known before deployment
     */
    public Optional<JsonNode> property(String dottedPath) {
        JsonNode node = rawProperties();
        try {
            for (String segment : dottedPath.split("\\.")) {
                // Only an intrinsic on the way down is evaluated: siblings (tags with an account id) do not matter.
                node = TemplateScope.isIntrinsic(node) ? scope.resolve(node) : node;
                node = node.path(segment);
                if (node.isMissingNode()) {
                    drivers.put(dottedPath, "(not set)");
                    return Optional.empty();
                }
            }
            JsonNode value = scope.resolve(node);
            drivers.put(dottedPath, value.isValueNode() ? value.asText() : value.toString());
            return value.isMissingNode() ? Optional.empty() : Optional.of(value);
        } catch (Unresolvable e) {
            throw new Unresolvable(logicalId + "." + dottedPath + ": " + e.getMessage());
        }
    }

    public String text(String dottedPath, String fallback) {
        return property(dottedPath).map(JsonNode::asText).orElse(fallback);
    }

    public double number(String dottedPath, double fallback) {
        Optional<JsonNode> value = property(dottedPath);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.get().asText());
        } catch (NumberFormatException e) {
            throw new Unresolvable(logicalId + "." + dottedPath + ": '" + value.get().asText() + "' is not a number");
        }
    }

    public boolean bool(String dottedPath, boolean fallback) {
        return property(dottedPath).map(v -> Boolean.parseBoolean(v.asText())).orElse(fallback);
    }

    /** The properties read so far and their values, in reading order. */
    public Map<String, String> drivers() {
        return Map.copyOf(drivers);
    }

    /** The same, keeping order, for reports. */
    public Map<String, String> orderedDrivers() {
        return new LinkedHashMap<>(drivers);
    }
}
