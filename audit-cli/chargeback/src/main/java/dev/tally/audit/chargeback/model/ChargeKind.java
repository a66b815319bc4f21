package dev.tally.audit.chargeback.model;

/**
 * What kind of charge a cost row is, as allocation rules need to tell them apart (support and tax are usually shared;
 * credits and refunds reduce an owner's bill). Sources map their own vocabulary (CUR {@code line_item_line_item_type},
 * Cost Explorer {@code RECORD_TYPE}) onto this.
 */
public enum ChargeKind {
    USAGE,
    /** Savings Plan or Reserved Instance covered usage, at its effective (amortized) cost. */
    DISCOUNTED_USAGE,
    /** Unused Savings Plan / RI commitment and recurring fees. */
    COMMITMENT_FEE,
    /** Upfront and other one-off fees. */
    FEE,
    SUPPORT,
    TAX,
    CREDIT,
    REFUND,
    /** Bundled discounts, EDP discounts and other negations. */
    DISCOUNT,
    OTHER
}
