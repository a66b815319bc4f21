package dev.tally.audit.chargeback.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.common.policy.PolicyYaml;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates a chargeback rules file (YAML) through the CLI's one policy reader, {@link PolicyYaml}. Every
 * problem is collected and reported at once, each naming the file and the field (for example
 * {@code rules.yaml: shared[1].method: 'evenly' is not one of ...}), so a user fixes the file in one go. Unknown keys are errors too: a misspelt key silently ignored would change who pays.
 */
public final class AllocationRulesLoader {
    /** Where the rules bundled with the CLI live on the class path (used when no rules file exists). */
    public static final String BUNDLED_RULES = "/report/default-rules.yaml";

    private static final Set<String> TOP_KEYS = Set.of("owner-tags", "names", "parents", "untagged", "shared");
    private static final Set<String> NAMES_KEYS = Set.of("trim", "case-fold", "untagged-values", "aliases");
    private static final Set<String> SPLIT_KEYS = Set.of("method", "owner", "among");
    private static final Set<String> SHARED_KEYS = Set.of("name", "match", "method", "owner", "among");
    private static final Set<String> MATCH_KEYS = Set.of("kinds", "accounts", "services");
    private static final String UNALLOCATED_METHOD = "unallocated";

    /** Loads a rules file from disk; a missing or malformed file is a usage error naming it. */
    public AllocationRules load(Path file) {
        return parse(PolicyYaml.read(file));
    }

    /** Loads the rules bundled with the CLI. */
    public AllocationRules loadBundled() {
        return parse(PolicyYaml.readResource(BUNDLED_RULES));
    }

    /** Parses rules text; {@code origin} names the file in messages. */
    public AllocationRules parse(InputStream in, String origin) {
        return parse(PolicyYaml.parse(in, origin));
    }

    private AllocationRules parse(PolicyYaml.Parsed parsed) {
        JsonNode root = parsed.root();
        PolicyYaml problems = parsed.reader();
        unknownKeys(root, TOP_KEYS, "", problems);
        List<String> ownerTags = stringList(root.get("owner-tags"), "owner-tags", problems);
        if (root.get("owner-tags") != null && ownerTags.isEmpty()) {
            problems.problem("owner-tags", "list at least one tag key, for example [tally:cost-center, tally:owner]");
        } else if (root.get("owner-tags") == null) {
            problems.problem("owner-tags", "missing: list the tag keys that name the owner, in order of preference");
        }
        OwnerNames names = names(root.get("names"), problems);
        Map<String, String> parents = parents(root.get("parents"), names, problems);
        Optional<Split> untagged = untagged(root.get("untagged"), names, problems);
        List<SharedCostRule> shared = shared(root.get("shared"), names, problems);
        problems.throwIfProblems();
        return new AllocationRules(ownerTags, names, parents, shared, untagged);
    }

    private OwnerNames names(JsonNode node, PolicyYaml problems) {
        if (node == null) {
            return OwnerNames.defaults();
        }
        if (!node.isObject()) {
            problems.problem("names", "must be a mapping (trim, case-fold, untagged-values, aliases)");
            return OwnerNames.defaults();
        }
        unknownKeys(node, NAMES_KEYS, "names.", problems);
        boolean trim = bool(node.get("trim"), "names.trim", true, problems);
        boolean caseFold = bool(node.get("case-fold"), "names.case-fold", true, problems);
        OwnerNames folding = new OwnerNames(trim, caseFold, Map.of(), Set.of());
        Set<String> untaggedValues = stringList(node.get("untagged-values"), "names.untagged-values", problems)
                .stream().map(folding::fold).collect(Collectors.toSet());
        Map<String, String> aliases = new HashMap<>();
        JsonNode aliasNode = node.get("aliases");
        if (aliasNode != null && !aliasNode.isObject()) {
            problems.problem("names.aliases", "must map each owner to a list of its other spellings");
        } else if (aliasNode != null) {
            aliasNode.fields().forEachRemaining(entry -> {
                String canonical = folding.fold(entry.getKey());
                String field = "names.aliases." + entry.getKey();
                for (String alias : stringList(entry.getValue(), field, problems)) {
                    String folded = folding.fold(alias);
                    String previous = aliases.put(folded, canonical);
                    if (previous != null && !previous.equals(canonical)) {
                        problems.problem(field, "'" + alias + "' is already an alias of '" + previous + "'");
                    }
                }
            });
        }
        return new OwnerNames(trim, caseFold, aliases, untaggedValues);
    }

    private Map<String, String> parents(JsonNode node, OwnerNames names, PolicyYaml problems) {
        Map<String, String> parents = new LinkedHashMap<>();
        if (node == null) {
            return parents;
        }
        if (!node.isObject()) {
            problems.problem("parents", "must map each owner to its parent (department)");
            return parents;
        }
        node.fields().forEachRemaining(entry -> {
            String field = "parents." + entry.getKey();
            String owner = ownerName(entry.getKey(), names);
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                problems.problem(field, "must be the parent's name");
                return;
            }
            String parent = names.fold(entry.getValue().asText());
            if (parent.equals(owner)) {
                problems.problem(field, "an owner cannot be its own parent");
            }
            parents.put(owner, parent);
        });
        // One level keeps "department" unambiguous in the roll-up.
        parents.forEach((owner, parent) -> {
            if (parents.containsKey(parent)) {
                problems.problem("parents." + owner, "parent '" + parent + "' has a parent itself; the roll-up is one level "
                        + "(owner → department)");
            }
        });
        return parents;
    }

    private Optional<Split> untagged(JsonNode node, OwnerNames names, PolicyYaml problems) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.problem("untagged", "must be a mapping with 'method'");
            return Optional.empty();
        }
        unknownKeys(node, SPLIT_KEYS, "untagged.", problems);
        JsonNode method = node.get("method");
        if (method != null && method.isTextual() && UNALLOCATED_METHOD.equals(method.asText().strip())) {
            if (node.has("owner") || node.has("among")) {
                problems.problem("untagged", "'owner' and 'among' do not apply to method 'unallocated'");
            }
            return Optional.empty();
        }
        return split(node, "untagged.", names, problems, true);
    }

    private List<SharedCostRule> shared(JsonNode node, OwnerNames names, PolicyYaml problems) {
        List<SharedCostRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            problems.problem("shared", "must be a list of rules (name, match, method)");
            return rules;
        }
        Set<String> seenNames = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String at = "shared[" + i + "].";
            if (!rule.isObject()) {
                problems.problem("shared[" + i + "]", "must be a mapping (name, match, method)");
                continue;
            }
            unknownKeys(rule, SHARED_KEYS, at, problems);
            String name = rule.path("name").asText("").strip();
            if (name.isEmpty()) {
                problems.problem(at + "name", "missing: every shared rule needs a name for the report");
            } else if (name.equalsIgnoreCase(Allocator.UNTAGGED_POOL)) {
                // The untagged pool is built in; a shared rule of the same name would be summed into it.
                problems.problem(at + "name", "'" + name + "' is reserved for the built-in untagged pool (see the"
                        + " untagged: section); choose another name");
            } else if (!seenNames.add(name)) {
                problems.problem(at + "name", "'" + name + "' is used by an earlier rule; names must be unique");
            }
            Optional<Split> split = split(rule, at, names, problems, false);
            Match match = match(rule.get("match"), at + "match", problems);
            if (split.isPresent() && match != null && !name.isEmpty()) {
                rules.add(new SharedCostRule(name, match.kinds, match.accounts, match.services, split.get()));
            }
        }
        return rules;
    }

    private record Match(Set<ChargeKind> kinds, Set<String> accounts, Set<String> services) {
    }

    private Match match(JsonNode node, String field, PolicyYaml problems) {
        if (node == null || !node.isObject()) {
            problems.problem(field, "missing: give at least one of kinds, accounts, services");
            return null;
        }
        unknownKeys(node, MATCH_KEYS, field + ".", problems);
        Set<ChargeKind> kinds = new LinkedHashSet<>();
        List<String> kindNames = stringList(node.get("kinds"), field + ".kinds", problems);
        for (int i = 0; i < kindNames.size(); i++) {
            String normalised = kindNames.get(i).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                kinds.add(ChargeKind.valueOf(normalised));
            } catch (IllegalArgumentException unknown) {
                problems.problem(field + ".kinds[" + i + "]", "'" + kindNames.get(i) + "' is not one of "
                        + Arrays.stream(ChargeKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", ")));
            }
        }
        Set<String> accounts = new LinkedHashSet<>();
        JsonNode accountNode = node.get("accounts");
        List<String> accountIds = stringList(accountNode, field + ".accounts", problems);
        for (int i = 0; i < accountIds.size(); i++) {
            String id = accountIds.get(i).strip();
            if (!id.matches("\\d{12}")) {
                problems.problem(field + ".accounts[" + i + "]", "'" + id + "' is not a 12-digit account id (quote ids in "
                        + "YAML, or leading zeros are lost)");
            }
            accounts.add(id);
        }
        Set<String> services = new LinkedHashSet<>(stringList(node.get("services"), field + ".services", problems));
        if (kinds.isEmpty() && accounts.isEmpty() && services.isEmpty() && kindNames.isEmpty() && accountIds.isEmpty()) {
            problems.problem(field, "give at least one of kinds, accounts, services");
            return null;
        }
        return new Match(kinds, accounts, services);
    }

    private Optional<Split> split(JsonNode node, String at, OwnerNames names, PolicyYaml problems, boolean untagged) {
        JsonNode methodNode = node.get("method");
        String allowed = untagged ? "unallocated, proportional, even, fixed" : "proportional, even, fixed";
        if (methodNode == null || !methodNode.isTextual()) {
            problems.problem(at + "method", "missing: one of " + allowed);
            return Optional.empty();
        }
        SplitMethod method;
        try {
            method = SplitMethod.valueOf(methodNode.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.problem(at + "method", "'" + methodNode.asText() + "' is not one of " + allowed);
            return Optional.empty();
        }
        JsonNode ownerNode = node.get("owner");
        List<String> among = stringList(node.get("among"), at + "among", problems).stream()
                .map(owner -> ownerName(owner, names)).toList();
        if (method == SplitMethod.FIXED) {
            if (ownerNode == null || !ownerNode.isTextual() || ownerNode.asText().isBlank()) {
                problems.problem(at + "owner", "missing: method 'fixed' needs the owner who pays");
                return Optional.empty();
            }
            if (!among.isEmpty()) {
                problems.problem(at + "among", "does not apply to method 'fixed'");
            }
            return Optional.of(Split.fixed(ownerName(ownerNode.asText(), names)));
        }
        if (ownerNode != null) {
            problems.problem(at + "owner", "only method 'fixed' takes an owner; use 'among' to limit who takes part in the "
                    + method.yamlName() + " split");
        }
        return Optional.of(new Split(method, Optional.empty(), among));
    }

    private static String ownerName(String raw, OwnerNames names) {
        return names.canonical(raw).orElse(names.fold(raw));
    }

    private static boolean bool(JsonNode node, String field, boolean fallback, PolicyYaml problems) {
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.problem(field, "must be true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    /** A list of scalars (a single scalar counts as a list of one); numbers keep their text. */
    private static List<String> stringList(JsonNode node, String field, PolicyYaml problems) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isValueNode()) {
            values.add(node.asText());
            return values;
        }
        if (!node.isArray()) {
            problems.problem(field, "must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull()) {
                problems.problem(field + "[" + i + "]", "must be a plain value");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, PolicyYaml problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.problem(prefix + key, "unknown key; expected one of " + known.stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
        });
    }
}
