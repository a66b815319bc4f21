package dev.tally.apps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * The tag policy: every taggable resource carries these keys, so Cost Explorer, the CUR and {@code tally chargeback}
 * can allocate its cost (activate them as cost-allocation tags in the payer account).
 *
 * <ul>
 *   <li>{@code tally:application} = {@code tally}: which product the spend belongs to</li>
 *   <li>{@code tally:environment} = {@code staging} | {@code production}: non-production spend is visible as such</li>
 *   <li>{@code tally:cost-center}: the budget that pays (context {@code costCenter})</li>
 *   <li>{@code tally:owner}: who to ask about the resource (context {@code owner})</li>
 * </ul>
 *
 * Tags are applied from the app to each environment's stage, so no construct can forget them.
 */
public final class CostAllocationTags {

    public static final String APPLICATION = "tally:application";
    public static final String ENVIRONMENT = "tally:environment";
    public static final String COST_CENTER = "tally:cost-center";
    public static final String OWNER = "tally:owner";

    /** The keys every taggable resource must carry. */
    public static final List<String> REQUIRED_KEYS = List.of(APPLICATION, ENVIRONMENT, COST_CENTER, OWNER);

    private CostAllocationTags() {
    }

    /** The tag values for one environment. */
    public static Map<String, String> forEnvironment(EnvironmentSizing environment, AppSettings settings) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(APPLICATION, "tally");
        tags.put(ENVIRONMENT, environment.name());
        tags.put(COST_CENTER, settings.costCenter());
        tags.put(OWNER, settings.owner());
        return tags;
    }

    /** Tags every taggable resource under {@code scope}. */
    public static void applyTo(IConstruct scope, EnvironmentSizing environment, AppSettings settings) {
        forEnvironment(environment, settings).forEach((key, value) -> Tags.of(scope).add(key, value));
    }
}
