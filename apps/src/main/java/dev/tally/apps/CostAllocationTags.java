package dev.tally.apps;

import dev.tally.constructs.compliance.tags.TagPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * Applies the tag policy ({@code policies/tag-policy.yaml}, the file {@code tally scan --checks untagged} reads too):
 * every key the policy requires, on every taggable resource of a stage, so Cost Explorer, the CUR and
 * {@code tally chargeback} can allocate its cost (activate the keys as cost-allocation tags in the payer account).
 *
 * <p>Values: {@code tally:application} = {@code tally}, {@code tally:environment} = the environment's name,
 * {@code tally:cost-center} and {@code tally:owner} from the {@code costCenter} and {@code owner} context keys, and
 * any key from the {@code tags} context (which overrides these). A required key with no value stops the app with a
 * message naming it. Tags are applied from the app to each stage, so no construct can forget them; the compliance
 * gate then checks every resource against the policy.
 */
public final class CostAllocationTags {

    public static final String APPLICATION = "tally:application";
    public static final String ENVIRONMENT = "tally:environment";
    public static final String COST_CENTER = "tally:cost-center";
    public static final String OWNER = "tally:owner";

    private CostAllocationTags() {
    }

    /**
     * The tag values for one environment: every key the policy requires, plus any extra key given in context.
     *
     * @throws InvalidAppSettingsException naming each required key without a value
     */
    public static Map<String, String> forEnvironment(EnvironmentSizing environment, AppSettings settings, TagPolicy policy) {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(APPLICATION, "tally");
        known.put(ENVIRONMENT, environment.name());
        known.put(COST_CENTER, settings.costCenter());
        known.put(OWNER, settings.owner());
        known.putAll(settings.tags());
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : policy.keys()) {
            String value = known.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (value == null) {
                problems.add("the tag policy " + settings.tagPolicyFile() + " requires the tag '" + key + "', which the"
                        + " app has no value for: add it to cdk.json's context \"tags\" (or -c tags='{\"" + key
                        + "\":\"...\"}')");
            } else {
                tags.put(key, value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAppSettingsException(problems);
        }
        settings.tags().forEach(tags::putIfAbsent);
        return tags;
    }

    /** Tags every taggable resource under {@code scope}. */
    public static void applyTo(IConstruct scope, EnvironmentSizing environment, AppSettings settings, TagPolicy policy) {
        forEnvironment(environment, settings, policy).forEach((key, value) -> Tags.of(scope).add(key, value));
    }
}
