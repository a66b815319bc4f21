package dev.tally.audit.chargeback.source.cur.direct;

/**
 * The arms of the amortized cost {@code CASE} in {@code CostExpression}, decided once per distinct
 * {@code line_item_line_item_type} of a column chunk instead of once per row. Must stay in step with
 * {@code CostExpression}; {@code DirectParquetAggregatorTest} compares the two on every line item type.
 */
enum CostArm {
    SAVINGS_PLAN_COVERED_USAGE,
    SAVINGS_PLAN_RECURRING_FEE,
    ZERO,
    DISCOUNTED_USAGE,
    RI_FEE,
    FEE,
    /** Usage, credits, refunds, tax, discounts, and a NULL or unknown type: the unblended (or net unblended) cost. */
    OTHERWISE;

    /** Exact, case-sensitive matching, as SQL {@code CASE x WHEN 'literal'} does. */
    static CostArm of(String lineItemType) {
        if (lineItemType == null) {
            return OTHERWISE;
        }
        return switch (lineItemType) {
            case "SavingsPlanCoveredUsage" -> SAVINGS_PLAN_COVERED_USAGE;
            case "SavingsPlanRecurringFee" -> SAVINGS_PLAN_RECURRING_FEE;
            case "SavingsPlanNegation", "SavingsPlanUpfrontFee" -> ZERO;
            case "DiscountedUsage" -> DISCOUNTED_USAGE;
            case "RIFee" -> RI_FEE;
            case "Fee" -> FEE;
            default -> OTHERWISE;
        };
    }
}
