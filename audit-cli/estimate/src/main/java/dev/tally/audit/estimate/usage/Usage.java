package dev.tally.audit.estimate.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage figures of one resource: the matching profile rule's, else the profile's defaults for the type, else the
 * pricer's built-in default. Every figure read is recorded with where it came from, and the report prints them.
 */
public final class Usage {
    private final Map<String, UsageKey> keys;
    private final Optional<UsageRule> rule;
    private final Map<String, JsonNode> typeDefaults;
    private final String profileName;
    private final List<Assumption> used = new ArrayList<>();

    /**
     * One figure used to price a resource.
     *
     * @param key    the usage key
     * @param value  its value as printed
     * @param origin {@code rule '*}{@code /Worker/*'}, {@code profile default}, or {@code built-in default}
     */
    public record Assumption(String key, String value, String origin) {
    }

    public Usage(List<UsageKey> keys, UsageProfile profile, String type, String path, String logicalId) {
        Map<String, UsageKey> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        this.keys = byName;
        this.rule = profile.ruleFor(type, path, logicalId);
        this.typeDefaults = profile.defaults().getOrDefault(type, Map.of());
        this.profileName = profile.name();
    }

    /** A number figure. */
    public double number(String key) {
        JsonNode given = given(key);
        double value = given != null && given.isNumber() ? given.doubleValue() : builtIn(key).defaultValue();
        used.add(new Assumption(key, format(value), origin(key)));
        return value;
    }

    /** A mapping of numbers ({@code smsByCountry: {US: 1000}}); empty when not given. */
    public Map<String, Double> numbers(String key) {
        builtIn(key);
        JsonNode given = given(key);
        Map<String, Double> values = new LinkedHashMap<>();
        if (given != null && given.isObject()) {
            given.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
        }
        used.add(new Assumption(key, values.isEmpty() ? "none" : values.toString().replace("=", ": "), origin(key)));
        return values;
    }

    /** A structured figure (a peak window), or null when not given. */
    public JsonNode structure(String key) {
        builtIn(key);
        JsonNode given = given(key);
        used.add(new Assumption(key, given == null ? "none" : given.toString(), origin(key)));
        return given;
    }

    /** The rule's note, when a rule matched and has one. */
    public Optional<String> note() {
        return rule.map(UsageRule::note).filter(n -> !n.isBlank());
    }

    /** Whether any figure came from the profile (a rule or a type default) rather than built-in defaults. */
    public boolean fromProfile() {
        return used.stream().anyMatch(a -> !a.origin().equals("built-in default"));
    }

    public List<Assumption> used() {
        return List.copyOf(used);
    }

    private JsonNode given(String key) {
        if (rule.isPresent() && rule.get().usage().containsKey(key)) {
            return rule.get().usage().get(key);
        }
        return typeDefaults.get(key);
    }

    private String origin(String key) {
        if (rule.isPresent() && rule.get().usage().containsKey(key)) {
            return profileName + " rule '" + rule.get().match() + "'";
        }
        return typeDefaults.containsKey(key) ? profileName + " default for the type" : "built-in default";
    }

    private UsageKey builtIn(String key) {
        UsageKey known = keys.get(key);
        if (known == null) {
            throw new IllegalStateException("pricer reads undeclared usage key " + key);
        }
        return known;
    }

    /** Numbers as a reader writes them: 1500000, 0.5, 1.25. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
