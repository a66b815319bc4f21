package dev.tally.audit.chargeback.source.costexplorer;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the {@code GetCostAndUsage} queries for a month. A row needs account, service and record type (and the tag
 * value), but Cost Explorer groups by at most two keys per request, so the plan pins the others with filters, after
 * one request that lists which (account, record type) pairs the month has:
 *
 * <ul>
 * <li>without a tag: one query per record type (group by account and service), or one per account (group by service
 *     and record type), whichever is fewer requests;</li>
 * <li>with tags: per (account, record type) pair, one query grouped by service and the first owner tag key; then,
 *     only while some of the pair's cost carried none of the keys tried so far, one more query for the next key,
 *     filtered to costs without the earlier keys ({@code ABSENT}): the rules' ordered {@code owner-tags} fallback,
 *     one key per request because Cost Explorer groups by at most two keys.</li>
 * </ul>
 *
 * <p>Pairs whose month total is exactly zero (for example Savings Plan negations under amortized cost) are skipped:
 * they have nothing to allocate, and each request costs USD 0.01.
 */
final class CostExplorerPlan {
    static final String ACCOUNT = "LINKED_ACCOUNT";
    static final String SERVICE = "SERVICE";
    static final String RECORD_TYPE = "RECORD_TYPE";

    /** One (account, record type) pair of the month and its cost. */
    record Pair(String account, String recordType, BigDecimal amount) {
    }

    private CostExplorerPlan() {
    }

    /** The request that lists the month's (account, record type) pairs. */
    static CeQuery pairs() {
        return new CeQuery(List.of(CeQuery.dimension(ACCOUNT), CeQuery.dimension(RECORD_TYPE)), Map.of());
    }

    /** The pairs that cost something: the only ones worth a paid request. */
    static List<Pair> nonZero(List<Pair> pairs) {
        return pairs.stream().filter(p -> p.amount().signum() != 0).toList();
    }

    /** The query for owner tag key number {@code keyIndex} of one pair, without the keys before it. */
    static CeQuery tagged(Pair pair, List<String> tagKeys, int keyIndex) {
        return new CeQuery(List.of(CeQuery.dimension(SERVICE), CeQuery.tag(tagKeys.get(keyIndex))),
                Map.of(ACCOUNT, pair.account(), RECORD_TYPE, pair.recordType()), tagKeys.subList(0, keyIndex));
    }

    /** The detail queries without tags (with tags, see {@link #tagged}: later keys depend on earlier answers). */
    static List<CeQuery> detail(List<Pair> pairs, List<String> tagKeys) {
        List<Pair> nonZero = nonZero(pairs);
        if (!tagKeys.isEmpty()) {
            return nonZero.stream().map(p -> tagged(p, tagKeys, 0)).toList();
        }
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> recordTypes = new LinkedHashSet<>();
        nonZero.forEach(p -> {
            accounts.add(p.account());
            recordTypes.add(p.recordType());
        });
        if (recordTypes.size() <= accounts.size()) {
            return recordTypes.stream()
                    .map(r -> new CeQuery(List.of(CeQuery.dimension(ACCOUNT), CeQuery.dimension(SERVICE)),
                            Map.of(RECORD_TYPE, r)))
                    .toList();
        }
        return accounts.stream()
                .map(a -> new CeQuery(List.of(CeQuery.dimension(SERVICE), CeQuery.dimension(RECORD_TYPE)),
                        Map.of(ACCOUNT, a)))
                .toList();
    }
}
