package dev.tally.audit.chargeback.source.cur;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A requested cost-allocation tag and the keys it may have in CUR 2.0's {@code resource_tags} map. CUR 2.0 prefixes
 * user-defined tags {@code user_} and AWS-generated ones {@code aws_}, and (like the legacy CUR's Athena columns)
 * normalises the rest of the key to lower snake case: tag {@code team} is {@code user_team}, {@code CostCenter} is
 * {@code user_cost_center}, {@code tally:cost-center} is {@code user_tally_cost_center}. The query looks for each
 * candidate in order ({@code COALESCE}), so the key can be given as tagged, or exactly as the CUR spells it
 * (a key starting {@code user_} or {@code aws_} is taken as is).
 *
 * @param requested  the key as the user wrote it, which is also the key of {@code CostRow.tags()}
 * @param candidates the {@code resource_tags} keys to try, most specific first
 */
public record CurTag(String requested, List<String> candidates) {
    public CurTag {
        candidates = List.copyOf(candidates);
    }

    /** The candidate keys of a tag key as written on the command line or in the rules. */
    public static CurTag of(String requested) {
        String lower = requested.toLowerCase(Locale.ROOT);
        if (lower.startsWith("user_") || lower.startsWith("aws_")) {
            return new CurTag(requested, List.of(requested));
        }
        // Every resource_tags key carries a prefix, so the bare key is never looked up: each lookup costs a pass
        // over the map column.
        String prefix = lower.startsWith("aws:") ? "aws_" : "user_";
        String rest = lower.startsWith("aws:") ? requested.substring(4) : requested;
        LinkedHashSet<String> keys = new LinkedHashSet<>(List.of(prefix + rest, prefix + snake(rest)));
        return new CurTag(requested, new ArrayList<>(keys));
    }

    /** {@code CostCenter} and {@code cost-center} both become {@code cost_center}. */
    static String snake(String key) {
        String split = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return split.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
