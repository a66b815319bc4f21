package dev.tally.audit.estimate.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.policy.PolicyYaml;
import dev.tally.audit.estimate.price.PricerCatalog;
import dev.tally.audit.estimate.price.ResourcePricer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a usage profile (YAML, through the CLI's one policy reader, {@link PolicyYaml}) and checks it against the
 * pricers: a type without a pricer, a key the type's pricer
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
    private static final Set<String> TOP = Set.of("name", "description", "assumptions", "defaults", "resources", "fleet");
    private static final Set<String> RULE = Set.of("type", "match", "note", "usage");
    private static final Set<String> FLEET = Set.of("name", "instanceType", "count", "hoursPerMonth", "ebsGb", "note");

    private final PricerCatalog catalog;
    private final PolicyYaml yaml;

    private UsageProfileFile(PricerCatalog catalog, PolicyYaml yaml) {
        this.catalog = catalog;
        this.yaml = yaml;
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
            return read(PolicyYaml.read(file), catalog);
        }
        if (UsageProfileFile.class.getResource(BUNDLED_DIR + argument + ".yaml") == null) {
            throw UserFacingException.usage(argument + ": no such usage profile file, and not a bundled profile "
                    + "(bundled: renewal, portal, eks, legacy-fleet)");
        }
        return read(PolicyYaml.readResource(BUNDLED_DIR + argument + ".yaml"), catalog);
    }

    /** Parses profile YAML given as text; {@code source} names it in messages. */
    public static UsageProfile parse(String text, String source, PricerCatalog catalog) {
        return read(PolicyYaml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source), catalog);
    }

    private static UsageProfile read(PolicyYaml.Parsed parsed, PricerCatalog catalog) {
        return new UsageProfileFile(catalog, parsed.reader()).profile(parsed.root());
    }

    private UsageProfile profile(JsonNode root) {
        yaml.onlyFields(root, "", TOP);
        String name = yaml.text(root, "", "name", "");
        if (name.isBlank()) {
            yaml.problem("name", "required");
        }
        List<String> assumptions = yaml.strings(root, "", "assumptions");
        Map<String, Map<String, JsonNode>> defaults = new LinkedHashMap<>();
        JsonNode defaultsNode = yaml.section(root, "", "defaults");
        if (defaultsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defaultsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> type = it.next();
                Map<String, JsonNode> values = usage(type.getKey(), type.getValue(), "defaults." + type.getKey());
                if (values != null) {
                    defaults.put(type.getKey(), values);
                }
            }
        }
        List<UsageRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode rule : list(root, "resources")) {
            String at = "resources[" + i++ + "]";
            yaml.onlyFields(rule, at, RULE);
            String type = yaml.text(rule, at, "type", "");
            if (type.isBlank()) {
                yaml.problem(at + ".type", "required (a CloudFormation type such as AWS::Lambda::Function)");
                continue;
            }
            Map<String, JsonNode> values = usage(type, rule.path("usage"), at + ".usage");
            if (values != null) {
                rules.add(new UsageRule(type, yaml.text(rule, at, "match", "*"), values, yaml.text(rule, at, "note", "")));
            }
        }
        List<FleetInstance> fleet = new ArrayList<>();
        i = 0;
        for (JsonNode item : list(root, "fleet")) {
            String at = "fleet[" + i++ + "]";
            yaml.onlyFields(item, at, FLEET);
            String type = yaml.text(item, at, "instanceType", "");
            int count = yaml.integer(item, at, "count", -1);
            if (type.isBlank() || count < 0) {
                yaml.problem(at, "instanceType and a count of 0 or more are required");
                continue;
            }
            fleet.add(new FleetInstance(yaml.text(item, at, "name", type), type, count,
                    yaml.number(item, at, "hoursPerMonth", 730), yaml.number(item, at, "ebsGb", 0),
                    yaml.text(item, at, "note", "")));
        }
        yaml.throwIfProblems();
        return new UsageProfile(name, yaml.source(), yaml.text(root, "", "description", "").trim(), assumptions,
                defaults, rules, fleet);
    }

    private List<JsonNode> list(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            yaml.problem(field, "must be a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private Map<String, JsonNode> usage(String type, JsonNode values, String at) {
        ResourcePricer pricer = catalog.pricerFor(type).orElse(null);
        if (pricer == null) {
            yaml.problem(at, "no pricer for " + type + " (priced types: " + String.join(", ", catalog.pricedTypes()) + ")");
            return null;
        }
        Map<String, UsageKey> keys = pricer.usageKeys().stream()
                .collect(Collectors.toMap(UsageKey::name, k -> k, (a, b) -> a, LinkedHashMap::new));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            UsageKey key = keys.get(value.getKey());
            String field = at + "." + value.getKey();
            if (key == null) {
                yaml.problem(field, type + " reads no such figure (valid: "
                        + (keys.isEmpty() ? "none" : String.join(", ", keys.keySet())) + ")");
            } else if (!value.getValue().isNumber() && !value.getValue().isObject()) {
                yaml.problem(field, "must be a number (" + key.unit() + "), was '" + value.getValue().asText() + "'");
            } else if (value.getValue().isNumber() && value.getValue().doubleValue() < 0 && key.defaultValue() >= 0) {
                yaml.problem(field, "cannot be negative");
            } else {
                out.put(value.getKey(), value.getValue());
            }
        }
        return out;
    }
}
