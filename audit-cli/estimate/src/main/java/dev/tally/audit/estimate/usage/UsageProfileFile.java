package dev.tally.audit.estimate.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.estimate.price.PricerCatalog;
import dev.tally.audit.estimate.price.ResourcePricer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a usage profile (YAML) and checks it against the pricers: a type without a pricer, a key the type's pricer
 * does not read, or a value of the wrong shape is a problem, and every problem is reported at once with the file and
 * the field, so a typo cannot silently price a resource at its built-in default.
 *
 * <pre>{@code
 * name: renewal
 * description: ...
 * assumptions: ["500,000 customers renew once a month, in a 3-day window"]
 * defaults:                       # per type, for resources no rule matches
 *   AWS::Logs::LogGroup: {ingestedGbPerMonth: 0.2}
 * resources:                      # the first rule of a type whose glob matches the construct path wins
 *   - type: AWS::Lambda::Function
 *     match: "*}{@code /Pipeline/Ingest/Resource"
 *     note: one POST per renewal
 *     usage: {requestsPerMonth: 525000, averageDurationMs: 120}
 * fleet:                          # optional: a fixed fleet to compare against
 *   - {name: app servers, instanceType: m5.xlarge, count: 12, hoursPerMonth: 730, ebsGb: 100, note: ...}
 * }</pre>
 */
public final class UsageProfileFile {
    /** Where the bundled profiles live in the jar. */
    public static final String BUNDLED_DIR = "/policies/usage/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("name", "description", "assumptions", "defaults", "resources", "fleet");
    private static final Set<String> RULE = Set.of("type", "match", "note", "usage");
    private static final Set<String> FLEET = Set.of("name", "instanceType", "count", "hoursPerMonth", "ebsGb", "note");

    private final PricerCatalog catalog;
    private final List<String> problems = new ArrayList<>();

    private UsageProfileFile(PricerCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Loads {@code argument}: a file, or the name of a bundled profile ({@code renewal}, {@code portal}, {@code eks},
     * {@code legacy-fleet}).
     *
     * @throws UserFacingException (usage) listing every problem
     */
    public static UsageProfile load(String argument, PricerCatalog catalog) {
        Path file = Path.of(argument);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new UsageProfileFile(catalog).parse(in, file.toString());
            } catch (NoSuchFileException e) {
                throw UserFacingException.usage(argument + ": usage profile not found");
            } catch (IOException e) {
                throw UserFacingException.usage(argument + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        InputStream bundled = UsageProfileFile.class.getResourceAsStream(BUNDLED_DIR + argument + ".yaml");
        if (bundled == null) {
            throw UserFacingException.usage(argument + ": no such usage profile file, and not a bundled profile "
                    + "(bundled: renewal, portal, eks, legacy-fleet)");
        }
        try (bundled) {
            return new UsageProfileFile(catalog).parse(bundled, "bundled " + argument);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled profile " + argument, e);
        }
    }

    /** Parses profile YAML given as text; {@code source} names it in messages. */
    public static UsageProfile parse(String yaml, String source, PricerCatalog catalog) {
        return new UsageProfileFile(catalog).parse(
                new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    }

    UsageProfile parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw UserFacingException.usage(source + ": not valid YAML (" + detail + ")");
        }
        if (root == null || !root.isObject()) {
            throw UserFacingException.usage(source + ": expected a mapping with name, assumptions, defaults, resources");
        }
        unknown(root, "", TOP);
        String name = root.path("name").asText("");
        if (name.isBlank()) {
            problems.add("name: required");
        }
        List<String> assumptions = new ArrayList<>();
        if (root.has("assumptions") && !root.get("assumptions").isArray()) {
            problems.add("assumptions: must be a list of lines");
        }
        root.path("assumptions").forEach(a -> assumptions.add(a.asText()));
        Map<String, Map<String, JsonNode>> defaults = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("defaults").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            Map<String, JsonNode> values = usage(type.getKey(), type.getValue(), "defaults." + type.getKey());
            if (values != null) {
                defaults.put(type.getKey(), values);
            }
        }
        List<UsageRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode rule : root.path("resources")) {
            String at = "resources[" + i++ + "]";
            unknown(rule, at, RULE);
            String type = rule.path("type").asText("");
            if (type.isBlank()) {
                problems.add(at + ".type: required (a CloudFormation type such as AWS::Lambda::Function)");
                continue;
            }
            Map<String, JsonNode> values = usage(type, rule.path("usage"), at + ".usage");
            if (values != null) {
                rules.add(new UsageRule(type, rule.path("match").asText("*"), values, rule.path("note").asText("")));
            }
        }
        List<FleetInstance> fleet = new ArrayList<>();
        i = 0;
        for (JsonNode item : root.path("fleet")) {
            String at = "fleet[" + i++ + "]";
            unknown(item, at, FLEET);
            if (!item.path("instanceType").isTextual() || !item.path("count").canConvertToInt()) {
                problems.add(at + ": instanceType and count are required");
                continue;
            }
            fleet.add(new FleetInstance(item.path("name").asText(item.path("instanceType").asText()),
                    item.path("instanceType").asText(), item.path("count").asInt(),
                    item.path("hoursPerMonth").asDouble(730), item.path("ebsGb").asDouble(0), item.path("note").asText("")));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.usage(source + ": " + String.join("; ", problems));
        }
        return new UsageProfile(name, source, root.path("description").asText("").trim(), assumptions, defaults, rules,
                fleet);
    }

    private Map<String, JsonNode> usage(String type, JsonNode values, String at) {
        ResourcePricer pricer = catalog.pricerFor(type).orElse(null);
        if (pricer == null) {
            problems.add(at + ": no pricer for " + type + " (priced types: " + String.join(", ", catalog.pricedTypes()) + ")");
            return null;
        }
        Map<String, UsageKey> keys = pricer.usageKeys().stream()
                .collect(Collectors.toMap(UsageKey::name, k -> k, (a, b) -> a, LinkedHashMap::new));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            UsageKey key = keys.get(value.getKey());
            if (key == null) {
                problems.add(at + "." + value.getKey() + ": " + type + " reads no such figure (valid: "
                        + (keys.isEmpty() ? "none" : String.join(", ", keys.keySet())) + ")");
            } else if (!value.getValue().isNumber() && !value.getValue().isObject()) {
                problems.add(at + "." + value.getKey() + ": must be a number (" + key.unit() + "), was '"
                        + value.getValue().asText() + "'");
            } else if (value.getValue().isNumber() && value.getValue().doubleValue() < 0
                    && key.defaultValue() >= 0) {
                problems.add(at + "." + value.getKey() + ": cannot be negative");
            } else {
                out.put(value.getKey(), value.getValue());
            }
        }
        return out;
    }

    private void unknown(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                problems.add((at.isEmpty() ? "" : at + ".") + f + ": unknown field (valid: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }
}
