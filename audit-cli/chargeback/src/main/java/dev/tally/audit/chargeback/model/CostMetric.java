package dev.tally.audit.chargeback.model;

/** Which cost figure a report is in. Finance usually signs amortized cost; the invoice is unblended. */
public enum CostMetric {
    UNBLENDED,
    AMORTIZED,
    NET_AMORTIZED
}
