package dev.tally.audit.estimate.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A month of usage as data ({@code policies/usage/*.yaml}): the figures the template cannot know (requests, durations,
 * GB stored, the peak window), with the assumptions behind them, which every report prints.
 *
 * @param name        short name ({@code renewal})
 * @param source      the file it was read from
 * @param description what traffic it describes
 * @param assumptions the reasoning behind the figures, one line each
 * @param defaults    type → key → value, for resources no rule matches
 * @param rules       per-resource figures; the first matching rule of a type wins
 * @param fleet       a fixed fleet to compare against ({@code legacy-fleet.yaml}); empty in most profiles
 */
public record UsageProfile(String name, String source, String description, List<String> assumptions,
        Map<String, Map<String, JsonNode>> defaults, List<UsageRule> rules, List<FleetInstance> fleet) {
    public UsageProfile {
        assumptions = List.copyOf(assumptions);
        defaults = Map.copyOf(defaults);
        rules = List.copyOf(rules);
        fleet = List.copyOf(fleet);
    }

    /** No usage at all: every resource is priced on its built-in defaults (fixed charges only). */
    public static UsageProfile none() {
        return new UsageProfile("none", "(no --usage)", "no usage profile: fixed charges only",
                List.of("no usage profile given: traffic-driven charges are zero"), Map.of(), List.of(), List.of());
    }

    /** The first rule for this resource, if any. */
    public Optional<UsageRule> ruleFor(String type, String path, String logicalId) {
        return rules.stream().filter(r -> r.matches(type, path, logicalId)).findFirst();
    }
}
