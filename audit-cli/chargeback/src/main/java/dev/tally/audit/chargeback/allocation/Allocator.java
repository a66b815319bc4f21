package dev.tally.audit.chargeback.allocation;

import dev.tally.audit.chargeback.model.CostRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Divides a month's rows among owners. Pure and deterministic: the same rows and rules give the same lines, whatever
 * the row order.
 *
 * <ol>
 *   <li>A row that a shared rule matches goes to that rule's pool (shared rules win over tags).</li>
 *   <li>Otherwise a row whose tags name an owner is that owner's direct cost, credits and refunds included (negative).
 *       SP/RI covered usage and commitment fees follow their tags like any usage.</li>
 *   <li>Otherwise the row is untagged: it stays on {@value AllocationRules#UNALLOCATED}, or is divided by the
 *       {@code untagged} rule.</li>
 * </ol>
 * Pools are divided service by service, so a support share still reads "AWS Support" on the owner's bill. The base of a
 * proportional split is each owner's direct spend only (not shares of other pools), so the order of rules does not
 * change the result. A pool that nobody can take (no direct spend to be proportional to) stays unallocated, with a note.
 *
 * <p>Shares are computed exactly (to 20 decimal places), then every line is rounded to the cent in one pass by
 * {@link CentApportionment}, so the lines add up to the month's total to the cent.
 */
public final class Allocator {
    private static final int SHARE_SCALE = 20;
    private static final String UNTAGGED_POOL = "untagged";

    private final AllocationRules rules;

    public Allocator(AllocationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public Allocation allocate(List<CostRow> rows) {
        Map<Cell, BigDecimal> exact = new TreeMap<>();
        Map<String, BigDecimal> directByOwner = new TreeMap<>();
        Map<SharedCostRule, Map<String, BigDecimal>> sharedPools = new LinkedHashMap<>();
        rules.shared().forEach(rule -> sharedPools.put(rule, new TreeMap<>()));
        Map<String, BigDecimal> untaggedPool = new TreeMap<>();
        BigDecimal rowSum = BigDecimal.ZERO;

        for (CostRow row : rows) {
            rowSum = rowSum.add(row.amount());
            Optional<SharedCostRule> sharedRule = rules.sharedRuleFor(row);
            if (sharedRule.isPresent()) {
                sharedPools.get(sharedRule.get()).merge(row.service(), row.amount(), BigDecimal::add);
                continue;
            }
            Optional<String> owner = rules.ownerOf(row);
            if (owner.isPresent()) {
                exact.merge(new Cell(owner.get(), row.service(), AllocationBasis.DIRECT), row.amount(), BigDecimal::add);
                directByOwner.merge(owner.get(), row.amount(), BigDecimal::add);
            } else {
                untaggedPool.merge(row.service(), row.amount(), BigDecimal::add);
            }
        }

        List<PoolSummary> pools = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal untaggedSpend = sum(untaggedPool);
        if (rules.untagged().isEmpty()) {
            untaggedPool.forEach((service, amount) ->
                    exact.merge(new Cell(AllocationRules.UNALLOCATED, service, AllocationBasis.UNTAGGED), amount,
                            BigDecimal::add));
            pools.add(new PoolSummary(UNTAGGED_POOL, "kept as " + AllocationRules.UNALLOCATED,
                    CentApportionment.toCents(untaggedSpend), 0, true));
        } else {
            pools.add(divide(UNTAGGED_POOL, untaggedPool, rules.untagged().get(), AllocationBasis.UNTAGGED,
                    directByOwner, exact, notes));
        }
        sharedPools.forEach((rule, pool) ->
                pools.add(divide(rule.name(), pool, rule.split(), AllocationBasis.SHARED, directByOwner, exact, notes)));

        Map<Cell, BigDecimal> cents = CentApportionment.apportion(exact, CentApportionment.toCents(rowSum),
                Comparator.naturalOrder());
        List<AllocatedLine> lines = new ArrayList<>();
        cents.forEach((cell, amount) -> {
            if (amount.signum() != 0) {
                lines.add(new AllocatedLine(cell.owner(), cell.service(), cell.basis(), amount));
            }
        });
        return new Allocation(lines, CentApportionment.toCents(rowSum), untaggedSpend, pools, notes);
    }

    private PoolSummary divide(String poolName, Map<String, BigDecimal> pool, Split split, AllocationBasis basis,
            Map<String, BigDecimal> directByOwner, Map<Cell, BigDecimal> exact, List<String> notes) {
        BigDecimal amount = sum(pool);
        Map<String, BigDecimal> weights = weights(split, directByOwner);
        if (weights.isEmpty()) {
            pool.forEach((service, value) -> exact.merge(new Cell(AllocationRules.UNALLOCATED, service, basis), value,
                    BigDecimal::add));
            if (amount.signum() != 0) {
                notes.add("'" + poolName + "' (" + CentApportionment.toCents(amount).toPlainString() + ") could not be split "
                        + split.describe() + ": no owner has direct spend to base it on; it stays "
                        + AllocationRules.UNALLOCATED + ".");
            }
            return new PoolSummary(poolName, split.describe(), CentApportionment.toCents(amount), 0,
                    amount.signum() != 0);
        }
        BigDecimal weightSum = sum(weights);
        pool.forEach((service, value) -> weights.forEach((owner, weight) -> {
            BigDecimal share = value.multiply(weight).divide(weightSum, SHARE_SCALE, RoundingMode.HALF_EVEN);
            exact.merge(new Cell(owner, service, basis), share, BigDecimal::add);
        }));
        return new PoolSummary(poolName, split.describe(), CentApportionment.toCents(amount), weights.size(), false);
    }

    /** Owner → weight for a split; empty when nobody qualifies. Sorted by owner for determinism. */
    private static Map<String, BigDecimal> weights(Split split, Map<String, BigDecimal> directByOwner) {
        Map<String, BigDecimal> weights = new TreeMap<>();
        switch (split.method()) {
            case FIXED -> weights.put(split.owner().orElseThrow(), BigDecimal.ONE);
            case EVEN -> {
                List<String> owners = split.among().isEmpty() ? List.copyOf(directByOwner.keySet()) : split.among();
                owners.forEach(owner -> weights.put(owner, BigDecimal.ONE));
            }
            case PROPORTIONAL -> directByOwner.forEach((owner, spend) -> {
                boolean takesPart = split.among().isEmpty() || split.among().contains(owner);
                if (takesPart && spend.signum() > 0) {
                    weights.put(owner, spend);
                }
            });
        }
        return weights;
    }

    private static BigDecimal sum(Map<String, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One line of the result before rounding; ordered by owner, then service, then basis (the rounding tie break). */
    private record Cell(String owner, String service, AllocationBasis basis) implements Comparable<Cell> {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::owner)
                .thenComparing(Cell::service).thenComparing(Cell::basis);

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }
}
