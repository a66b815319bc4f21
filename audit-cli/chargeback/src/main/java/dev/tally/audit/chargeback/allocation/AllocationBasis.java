package dev.tally.audit.chargeback.allocation;

/** Why an amount landed on an owner; the report shows the three side by side. */
public enum AllocationBasis {
    /** The owner's own tagged usage, credits and refunds. */
    DIRECT,
    /** Untagged direct usage: kept on {@value AllocationRules#UNALLOCATED}, or the owner's share of it by rule. */
    UNTAGGED,
    /** The owner's share of a shared-cost pool (support, tax, shared accounts or services). */
    SHARED
}
