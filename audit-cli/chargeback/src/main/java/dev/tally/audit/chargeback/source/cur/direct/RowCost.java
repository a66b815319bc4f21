package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.CostArm;

/**
 * The cost of one line item in one {@link CostMetric}, over the cost columns of one row group: the Java twin of
 * {@code CostExpression} (same arms, same NULL handling, same exact decimals).
 */
final class RowCost {
    private final CostMetric metric;
    private final MoneyColumn unblended;
    private final MoneyColumn netUnblended;
    private final MoneyColumn spEffective;
    private final MoneyColumn spNetEffective;
    private final MoneyColumn spTotalCommitment;
    private final MoneyColumn spUsedCommitment;
    private final MoneyColumn riEffective;
    private final MoneyColumn riNetEffective;
    private final MoneyColumn riUnusedUpfront;
    private final MoneyColumn riNetUnusedUpfront;
    private final MoneyColumn riUnusedRecurring;
    private final MoneyColumn riNetUnusedRecurring;

    /** Columns the metric does not use, or the file lacks, are {@link MoneyColumn#absent()}. */
    RowCost(CostMetric metric, CostColumns columns) {
        this.metric = metric;
        this.unblended = columns.unblended();
        this.netUnblended = columns.netUnblended();
        this.spEffective = columns.spEffective();
        this.spNetEffective = columns.spNetEffective();
        this.spTotalCommitment = columns.spTotalCommitment();
        this.spUsedCommitment = columns.spUsedCommitment();
        this.riEffective = columns.riEffective();
        this.riNetEffective = columns.riNetEffective();
        this.riUnusedUpfront = columns.riUnusedUpfront();
        this.riNetUnusedUpfront = columns.riNetUnusedUpfront();
        this.riUnusedRecurring = columns.riUnusedRecurring();
        this.riNetUnusedRecurring = columns.riNetUnusedRecurring();
    }

    /** The cost columns of one row group. */
    record CostColumns(MoneyColumn unblended, MoneyColumn netUnblended, MoneyColumn spEffective,
            MoneyColumn spNetEffective, MoneyColumn spTotalCommitment, MoneyColumn spUsedCommitment,
            MoneyColumn riEffective, MoneyColumn riNetEffective, MoneyColumn riUnusedUpfront,
            MoneyColumn riNetUnusedUpfront, MoneyColumn riUnusedRecurring, MoneyColumn riNetUnusedRecurring) {
    }

    /**
     * @param arm                the row's arm (from its line item type)
     * @param reservationArnSet  whether {@code reservation_reservation_a_r_n} is non-empty (a Fee of a reservation)
     */
    long units(int row, CostArm arm, boolean reservationArnSet) {
        if (metric == CostMetric.UNBLENDED) {
            return unblended.units(row);
        }
        return switch (arm) {
            case SAVINGS_PLAN_COVERED_USAGE -> pick(row, spNetEffective, spEffective);
            case SAVINGS_PLAN_RECURRING_FEE -> Math.subtractExact(spTotalCommitment.units(row),
                    spUsedCommitment.units(row));
            case ZERO -> 0;
            case DISCOUNTED_USAGE -> pick(row, riNetEffective, riEffective);
            case RI_FEE -> Math.addExact(pick(row, riNetUnusedUpfront, riUnusedUpfront),
                    pick(row, riNetUnusedRecurring, riUnusedRecurring));
            case FEE -> reservationArnSet ? 0 : otherwise(row);
            case OTHERWISE -> otherwise(row);
        };
    }

    private long otherwise(int row) {
        return pick(row, netUnblended, unblended);
    }

    /** Net amortized: the net column where it has a value, else the gross one; other metrics: the gross one. */
    private long pick(int row, MoneyColumn net, MoneyColumn gross) {
        if (metric == CostMetric.NET_AMORTIZED && !net.isNull(row)) {
            return net.units(row);
        }
        return gross.units(row);
    }
}
