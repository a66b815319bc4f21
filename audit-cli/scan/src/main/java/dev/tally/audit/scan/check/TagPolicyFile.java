package dev.tally.audit.scan.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.scan.check.tags.RequiredTag;
import dev.tally.audit.scan.check.tags.TagPolicy;
import dev.tally.audit.common.policy.PolicyYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads {@code policies/tag-policy.yaml} (or the bundled copy) into a {@link TagPolicy}, reporting every problem at
 * once with the file name and the entry.
 */
public final class TagPolicyFile {
    /** Where the jar carries the repository's {@code policies/tag-policy.yaml}. */
    public static final String BUNDLED = "/policies/tag-policy.yaml";
    private static final String TYPE_PATTERN = "[a-z0-9-]+(:[a-z0-9-]+)?";

    private TagPolicyFile() {
    }

    public static TagPolicy bundled() {
        return load(PolicyYaml.readResource(BUNDLED));
    }

    /**
     * Loads a tag policy file.
     *
     * @throws dev.tally.audit.common.cli.UserFacingException (usage) naming the file and every bad entry
     */
    public static TagPolicy load(Path file) {
        return load(PolicyYaml.read(file));
    }

    private static TagPolicy load(PolicyYaml.Parsed parsed) {
        PolicyYaml yaml = parsed.reader();
        JsonNode root = parsed.root();
        yaml.onlyFields(root, "", Set.of("required-tags"));
        JsonNode list = root.get("required-tags");
        List<RequiredTag> tags = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            yaml.problem("required-tags must be a non-empty list of {key: ...} entries");
            yaml.throwIfProblems();
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : list) {
            String path = "required-tags[" + index++ + "]";
            if (!entry.isObject()) {
                yaml.problem(path + " must be a mapping with a key");
                continue;
            }
            yaml.onlyFields(entry, path, Set.of("key", "description", "allowed-values", "applies-to", "exempt"));
            String key = yaml.text(entry, path, "key", "").trim();
            if (key.isEmpty()) {
                yaml.problem(path + ".key is required");
                continue;
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                yaml.problem(path + ".key '" + key + "' is listed twice (keys are compared ignoring case)");
            }
            Set<String> appliesTo = types(yaml, entry, path, "applies-to");
            Set<String> exempt = types(yaml, entry, path, "exempt");
            tags.add(new RequiredTag(key, appliesTo, exempt, yaml.strings(entry, path, "allowed-values")));
        }
        yaml.throwIfProblems();
        return new TagPolicy(tags);
    }

    private static Set<String> types(PolicyYaml yaml, JsonNode entry, String path, String field) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : yaml.strings(entry, path, field)) {
            String normalised = type.toLowerCase(Locale.ROOT);
            if (!normalised.matches(TYPE_PATTERN)) {
                yaml.problem(path + "." + field + " entry '" + type + "' is not a resource type like 'ec2:instance' "
                        + "or 'sqs'");
            }
            types.add(normalised);
        }
        return types;
    }
}
