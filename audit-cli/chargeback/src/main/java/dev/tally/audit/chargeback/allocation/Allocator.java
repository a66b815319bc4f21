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
 * <p>Shares are computed exactly (to 20 decimal places), then rounded to the cent by {@link CentApportionment} in two
 * passes (groups to the month's total, then shares to their group), so the lines add up to the month's total, and
 * a pool's shares to the pool's amount, to the cent.
 */
public final class Allocator {
    private static final int SHARE_SCALE = 20;
    /** The built-in pool of untagged direct cost; the rules loader reserves the name so no shared rule can merge in. */
    public static final String UNTAGGED_POOL = "untagged";
    /** Prefix of an owner's direct group; a space cannot start a rule name, so it never clashes with a pool. */
    private static final String DIRECT_GROUP = " direct ";

    private final AllocationRules rules;

    public Allocator(AllocationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public Allocation allocate(List<CostRow> rows) {
        Map<Group, Map<Cell, BigDecimal>> parts = new TreeMap<>();
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
                Cell cell = new Cell(owner.get(), row.service(), AllocationBasis.DIRECT);
                parts.computeIfAbsent(new Group(DIRECT_GROUP + owner.get(), row.service()), g -> new TreeMap<>())
                        .merge(cell, row.amount(), BigDecimal::add);
                directByOwner.merge(owner.get(), row.amount(), BigDecimal::add);
            } else {
                untaggedPool.merge(row.service(), row.amount(), BigDecimal::add);
            }
        }

        List<PoolPlan> plans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (rules.untagged().isEmpty()) {
            untaggedPool.forEach((service, amount) -> parts.computeIfAbsent(new Group(UNTAGGED_POOL, service),
                    g -> new TreeMap<>()).merge(new Cell(AllocationRules.UNALLOCATED, service, AllocationBasis.UNTAGGED),
                    amount, BigDecimal::add));
            plans.add(new PoolPlan(UNTAGGED_POOL, "kept as " + AllocationRules.UNALLOCATED, 0, true, false));
        } else {
            plans.add(divide(UNTAGGED_POOL, untaggedPool, rules.untagged().get(), AllocationBasis.UNTAGGED,
                    directByOwner, parts));
        }
        sharedPools.forEach((rule, pool) ->
                plans.add(divide(rule.name(), pool, rule.split(), AllocationBasis.SHARED, directByOwner, parts)));

        // Two passes: each group (an owner's direct cost of a service, or one service's part of a pool) is rounded so
        // the groups add up to the month; then each group's shares are rounded to add up to that group. A pool's
        // shares therefore add up to the pool's amount as the report shows it, and everything to the month's total.
        BigDecimal total = CentApportionment.toCents(rowSum);
        Map<Group, BigDecimal> groupExact = new TreeMap<>();
        parts.forEach((group, cells) -> groupExact.put(group, sum(cells)));
        Map<Group, BigDecimal> groupCents = CentApportionment.apportion(groupExact, total, Comparator.naturalOrder());
        Map<Cell, BigDecimal> cents = new TreeMap<>();
        parts.forEach((group, cells) -> CentApportionment.apportion(cells, groupCents.get(group),
                Comparator.naturalOrder()).forEach((cell, amount) -> cents.merge(cell, amount, BigDecimal::add)));

        List<AllocatedLine> lines = new ArrayList<>();
        cents.forEach((cell, amount) -> {
            if (amount.signum() != 0) {
                lines.add(new AllocatedLine(cell.owner(), cell.service(), cell.basis(), amount));
            }
        });
        List<PoolSummary> pools = new ArrayList<>();
        for (PoolPlan plan : plans) {
            BigDecimal amount = groupCents.entrySet().stream().filter(e -> e.getKey().name().equals(plan.name()))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            boolean leftUnallocated = plan.leftUnallocated() && amount.signum() != 0;
            pools.add(new PoolSummary(plan.name(), plan.split(), amount, plan.owners(), leftUnallocated));
            if (plan.splitFailed() && amount.signum() != 0) {
                notes.add("'" + plan.name() + "' (" + amount.toPlainString() + ") could not be split " + plan.split()
                        + ": no owner has direct spend to base it on; it stays " + AllocationRules.UNALLOCATED + ".");
            }
        }
        // The untagged pool's amount as rounded with everything else, so it matches the (unallocated) lines exactly.
        BigDecimal untaggedCents = pools.get(0).amount();
        return new Allocation(lines, total, untaggedCents, pools, notes);
    }

    /** How a pool was divided, before its amount is known in cents. */
    private record PoolPlan(String name, String split, int owners, boolean leftUnallocated, boolean splitFailed) {
    }

    private PoolPlan divide(String poolName, Map<String, BigDecimal> pool, Split split, AllocationBasis basis,
            Map<String, BigDecimal> directByOwner, Map<Group, Map<Cell, BigDecimal>> parts) {
        Map<String, BigDecimal> weights = weights(split, directByOwner);
        if (weights.isEmpty()) {
            pool.forEach((service, value) -> parts.computeIfAbsent(new Group(poolName, service), g -> new TreeMap<>())
                    .merge(new Cell(AllocationRules.UNALLOCATED, service, basis), value, BigDecimal::add));
            return new PoolPlan(poolName, split.describe(), 0, true, true);
        }
        BigDecimal weightSum = sum(weights);
        pool.forEach((service, value) -> weights.forEach((owner, weight) -> {
            BigDecimal share = value.multiply(weight).divide(weightSum, SHARE_SCALE, RoundingMode.HALF_EVEN);
            parts.computeIfAbsent(new Group(poolName, service), g -> new TreeMap<>())
                    .merge(new Cell(owner, service, basis), share, BigDecimal::add);
        }));
        return new PoolPlan(poolName, split.describe(), weights.size(), false, false);
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

    private static <K> BigDecimal sum(Map<K, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A unit of rounding: one owner's direct cost of a service, or one service's part of one pool. */
    private record Group(String name, String service) implements Comparable<Group> {
        private static final Comparator<Group> ORDER = Comparator.comparing(Group::name).thenComparing(Group::service);

        @Override
        public int compareTo(Group other) {
            return ORDER.compare(this, other);
        }
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
