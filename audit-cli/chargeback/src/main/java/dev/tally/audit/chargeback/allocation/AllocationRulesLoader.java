package dev.tally.audit.chargeback.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Reads and validates a chargeback rules file (YAML). Every problem is collected and reported at once, each naming the
 * file and the field (for example {@code rules.yaml: shared[1].method: 'evenly' is not one of ...}), so a user fixes
 * the file in one go. Unknown keys are errors too: a misspelt key silently ignored would change who pays.
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

    private final YAMLMapper yaml = new YAMLMapper();

    /** Loads a rules file from disk. */
    public AllocationRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException missing) {
            throw UserFacingException.usage("rules file " + file + " not found: pass --rules <file>");
        } catch (IOException e) {
            throw UserFacingException.usage("cannot read rules file " + file + ": " + e.getMessage());
        }
    }

    /** Loads the rules bundled with the CLI. */
    public AllocationRules loadBundled() {
        try (InputStream in = AllocationRulesLoader.class.getResourceAsStream(BUNDLED_RULES)) {
            if (in == null) {
                throw new IllegalStateException("bundled rules " + BUNDLED_RULES + " missing from the jar");
            }
            return parse(in, "bundled " + BUNDLED_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses rules text; {@code origin} names the file in messages. */
    public AllocationRules parse(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw UserFacingException.usage(origin + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        Problems problems = new Problems(origin);
        if (root == null || root.isMissingNode() || root.isNull() || !root.isObject()) {
            problems.add("(top level)", "must be a mapping with at least 'owner-tags'");
            throw problems.asException();
        }
        unknownKeys(root, TOP_KEYS, "", problems);
        List<String> ownerTags = stringList(root.get("owner-tags"), "owner-tags", problems);
        if (root.get("owner-tags") != null && ownerTags.isEmpty()) {
            problems.add("owner-tags", "list at least one tag key, for example [tally:cost-center, tally:owner]");
        } else if (root.get("owner-tags") == null) {
            problems.add("owner-tags", "missing: list the tag keys that name the owner, in order of preference");
        }
        OwnerNames names = names(root.get("names"), problems);
        Map<String, String> parents = parents(root.get("parents"), names, problems);
        Optional<Split> untagged = untagged(root.get("untagged"), names, problems);
        List<SharedCostRule> shared = shared(root.get("shared"), names, problems);
        if (!problems.isEmpty()) {
            throw problems.asException();
        }
        return new AllocationRules(ownerTags, names, parents, shared, untagged);
    }

    private OwnerNames names(JsonNode node, Problems problems) {
        if (node == null) {
            return OwnerNames.defaults();
        }
        if (!node.isObject()) {
            problems.add("names", "must be a mapping (trim, case-fold, untagged-values, aliases)");
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
            problems.add("names.aliases", "must map each owner to a list of its other spellings");
        } else if (aliasNode != null) {
            aliasNode.fields().forEachRemaining(entry -> {
                String canonical = folding.fold(entry.getKey());
                String field = "names.aliases." + entry.getKey();
                for (String alias : stringList(entry.getValue(), field, problems)) {
                    String folded = folding.fold(alias);
                    String previous = aliases.put(folded, canonical);
                    if (previous != null && !previous.equals(canonical)) {
                        problems.add(field, "'" + alias + "' is already an alias of '" + previous + "'");
                    }
                }
            });
        }
        return new OwnerNames(trim, caseFold, aliases, untaggedValues);
    }

    private Map<String, String> parents(JsonNode node, OwnerNames names, Problems problems) {
        Map<String, String> parents = new LinkedHashMap<>();
        if (node == null) {
            return parents;
        }
        if (!node.isObject()) {
            problems.add("parents", "must map each owner to its parent (department)");
            return parents;
        }
        node.fields().forEachRemaining(entry -> {
            String field = "parents." + entry.getKey();
            String owner = ownerName(entry.getKey(), names);
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                problems.add(field, "must be the parent's name");
                return;
            }
            String parent = names.fold(entry.getValue().asText());
            if (parent.equals(owner)) {
                problems.add(field, "an owner cannot be its own parent");
            }
            parents.put(owner, parent);
        });
        // One level keeps "department" unambiguous in the roll-up.
        parents.forEach((owner, parent) -> {
            if (parents.containsKey(parent)) {
                problems.add("parents." + owner, "parent '" + parent + "' has a parent itself; the roll-up is one level "
                        + "(owner → department)");
            }
        });
        return parents;
    }

    private Optional<Split> untagged(JsonNode node, OwnerNames names, Problems problems) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add("untagged", "must be a mapping with 'method'");
            return Optional.empty();
        }
        unknownKeys(node, SPLIT_KEYS, "untagged.", problems);
        JsonNode method = node.get("method");
        if (method != null && method.isTextual() && UNALLOCATED_METHOD.equals(method.asText().strip())) {
            if (node.has("owner") || node.has("among")) {
                problems.add("untagged", "'owner' and 'among' do not apply to method 'unallocated'");
            }
            return Optional.empty();
        }
        return split(node, "untagged.", names, problems, true);
    }

    private List<SharedCostRule> shared(JsonNode node, OwnerNames names, Problems problems) {
        List<SharedCostRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            problems.add("shared", "must be a list of rules (name, match, method)");
            return rules;
        }
        Set<String> seenNames = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String at = "shared[" + i + "].";
            if (!rule.isObject()) {
                problems.add("shared[" + i + "]", "must be a mapping (name, match, method)");
                continue;
            }
            unknownKeys(rule, SHARED_KEYS, at, problems);
            String name = rule.path("name").asText("").strip();
            if (name.isEmpty()) {
                problems.add(at + "name", "missing: every shared rule needs a name for the report");
            } else if (name.equalsIgnoreCase(Allocator.UNTAGGED_POOL)) {
                // The untagged pool is built in; a shared rule of the same name would be summed into it.
                problems.add(at + "name", "'" + name + "' is reserved for the built-in untagged pool (see the"
                        + " untagged: section); choose another name");
            } else if (!seenNames.add(name)) {
                problems.add(at + "name", "'" + name + "' is used by an earlier rule; names must be unique");
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

    private Match match(JsonNode node, String field, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(field, "missing: give at least one of kinds, accounts, services");
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
                problems.add(field + ".kinds[" + i + "]", "'" + kindNames.get(i) + "' is not one of "
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
                problems.add(field + ".accounts[" + i + "]", "'" + id + "' is not a 12-digit account id (quote ids in "
                        + "YAML, or leading zeros are lost)");
            }
            accounts.add(id);
        }
        Set<String> services = new LinkedHashSet<>(stringList(node.get("services"), field + ".services", problems));
        if (kinds.isEmpty() && accounts.isEmpty() && services.isEmpty() && kindNames.isEmpty() && accountIds.isEmpty()) {
            problems.add(field, "give at least one of kinds, accounts, services");
            return null;
        }
        return new Match(kinds, accounts, services);
    }

    private Optional<Split> split(JsonNode node, String at, OwnerNames names, Problems problems, boolean untagged) {
        JsonNode methodNode = node.get("method");
        String allowed = untagged ? "unallocated, proportional, even, fixed" : "proportional, even, fixed";
        if (methodNode == null || !methodNode.isTextual()) {
            problems.add(at + "method", "missing: one of " + allowed);
            return Optional.empty();
        }
        SplitMethod method;
        try {
            method = SplitMethod.valueOf(methodNode.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(at + "method", "'" + methodNode.asText() + "' is not one of " + allowed);
            return Optional.empty();
        }
        JsonNode ownerNode = node.get("owner");
        List<String> among = stringList(node.get("among"), at + "among", problems).stream()
                .map(owner -> ownerName(owner, names)).toList();
        if (method == SplitMethod.FIXED) {
            if (ownerNode == null || !ownerNode.isTextual() || ownerNode.asText().isBlank()) {
                problems.add(at + "owner", "missing: method 'fixed' needs the owner who pays");
                return Optional.empty();
            }
            if (!among.isEmpty()) {
                problems.add(at + "among", "does not apply to method 'fixed'");
            }
            return Optional.of(Split.fixed(ownerName(ownerNode.asText(), names)));
        }
        if (ownerNode != null) {
            problems.add(at + "owner", "only method 'fixed' takes an owner; use 'among' to limit who takes part in the "
                    + method.yamlName() + " split");
        }
        return Optional.of(new Split(method, Optional.empty(), among));
    }

    private static String ownerName(String raw, OwnerNames names) {
        return names.canonical(raw).orElse(names.fold(raw));
    }

    private static boolean bool(JsonNode node, String field, boolean fallback, Problems problems) {
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(field, "must be true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    /** A list of scalars (a single scalar counts as a list of one); numbers keep their text. */
    private static List<String> stringList(JsonNode node, String field, Problems problems) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isValueNode()) {
            values.add(node.asText());
            return values;
        }
        if (!node.isArray()) {
            problems.add(field, "must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull()) {
                problems.add(field + "[" + i + "]", "must be a plain value");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, Problems problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(prefix + key, "unknown key; expected one of " + known.stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
        });
    }

    /** The problems found so far, each as "field: what is wrong". */
    private static final class Problems {
        private final String origin;
        private final List<String> found = new ArrayList<>();

        Problems(String origin) {
            this.origin = origin;
        }

        void add(String field, String problem) {
            found.add(field + ": " + problem);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        UserFacingException asException() {
            String count = found.size() == 1 ? "1 problem" : found.size() + " problems";
            return UserFacingException.usage("rules file " + origin + " has " + count + ": " + String.join("; ", found));
        }
    }
}
