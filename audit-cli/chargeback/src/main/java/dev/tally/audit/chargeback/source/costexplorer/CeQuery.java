package dev.tally.audit.chargeback.source.costexplorer;

import java.util.List;
import java.util.Map;

/**
 * One planned {@code GetCostAndUsage} query (all its pages): which two dimensions it groups by and which dimension
 * values it pins with a filter. Together the group-by keys and the filter give every row its account, service,
 * record type and tag value.
 *
 * @param groupBy    up to two group definitions, {@code DIMENSION:<name>} or {@code TAG:<key>}
 * @param filter     dimension name to the one value it is pinned to (empty: no filter)
 * @param absentTags tag keys the costs must not carry ({@code MatchOptions: ABSENT}): the owner tag keys tried before
 *                   this one, for the ordered fallback
 */
record CeQuery(List<String> groupBy, Map<String, String> filter, List<String> absentTags) {
    CeQuery {
        if (groupBy.size() > 2) {
            throw new IllegalArgumentException("Cost Explorer allows at most two group-bys, got " + groupBy);
        }
        groupBy = List.copyOf(groupBy);
        filter = Map.copyOf(filter);
        absentTags = List.copyOf(absentTags);
    }

    /** A query without tag conditions. */
    CeQuery(List<String> groupBy, Map<String, String> filter) {
        this(groupBy, filter, List.of());
    }

    static String dimension(String name) {
        return "DIMENSION:" + name;
    }

    static String tag(String key) {
        return "TAG:" + key;
    }
}
