package dev.tally.audit.chargeback.source.cur;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arms of the amortized cost: which {@code line_item_line_item_type} values share one formula. The one place that
 * says so: {@link CostExpression} writes its SQL {@code CASE} from these arms, in this order, and the direct Parquet
 * reader decides a row's arm with {@link #of} once per distinct type.
 */
public enum CostArm {
    SAVINGS_PLAN_COVERED_USAGE("SavingsPlanCoveredUsage"),
    SAVINGS_PLAN_RECURRING_FEE("SavingsPlanRecurringFee"),
    /** Already in the covered usage's effective cost. */
    ZERO("SavingsPlanNegation", "SavingsPlanUpfrontFee"),
    DISCOUNTED_USAGE("DiscountedUsage"),
    RI_FEE("RIFee"),
    /** 0 for a reservation's (upfront) fee, else the unblended cost. */
    FEE("Fee"),
    /** Usage, credits, refunds, tax, discounts, and a NULL or unknown type: the unblended (or net unblended) cost. */
    OTHERWISE;

    private static final Map<String, CostArm> BY_TYPE = new HashMap<>();

    static {
        for (CostArm arm : values()) {
            arm.lineItemTypes.forEach(type -> BY_TYPE.put(type, arm));
        }
    }

    private final List<String> lineItemTypes;

    CostArm(String... lineItemTypes) {
        this.lineItemTypes = List.of(lineItemTypes);
    }

    /** The types this arm matches (none for {@link #OTHERWISE}, the {@code ELSE}). */
    public List<String> lineItemTypes() {
        return lineItemTypes;
    }

    /** Exact, case-sensitive matching, as SQL {@code CASE x WHEN 'literal'} does. */
    public static CostArm of(String lineItemType) {
        return lineItemType == null ? OTHERWISE : BY_TYPE.getOrDefault(lineItemType, OTHERWISE);
    }
}
