package dev.tally.audit.estimate.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Usage for the resources of one type whose construct path (or logical id) matches a glob.
 *
 * @param type   the CloudFormation type ({@code AWS::Lambda::Function})
 * @param match  a glob over the construct path or the logical id; {@code *} matches anything, {@code /} included
 * @param usage  key → a number, or a mapping of numbers ({@code smsByCountry}), or a peak window
 * @param note   why these figures, printed with them in the report (may be empty)
 */
public record UsageRule(String type, String match, Map<String, JsonNode> usage, String note) {
    public UsageRule {
        usage = Map.copyOf(usage);
    }

    /** Whether the rule applies to a resource. */
    public boolean matches(String resourceType, String path, String logicalId) {
        if (!type.equals(resourceType)) {
            return false;
        }
        Pattern glob = glob(match);
        return glob.matcher(path).matches() || glob.matcher(logicalId).matches();
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
