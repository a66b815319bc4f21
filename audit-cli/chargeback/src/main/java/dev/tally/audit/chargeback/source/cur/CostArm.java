package dev.tally.audit.chargeback.source.cur;

import java.util.List;

/**
 * The arms of the amortized cost: which {@code line_item_line_item_type} values share one formula. The one place that
 * says so: {@link CostExpression} writes its SQL {@code CASE} from these arms, in this order.
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

    private final List<String> lineItemTypes;

    CostArm(String... lineItemTypes) {
        this.lineItemTypes = List.of(lineItemTypes);
    }

    /** The types this arm matches (none for {@link #OTHERWISE}, the {@code ELSE}). */
    public List<String> lineItemTypes() {
        return lineItemTypes;
    }
}
