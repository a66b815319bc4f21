package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.MonthlyCost;

/**
 * A loaded CUR month with what it took to load it.
 *
 * @param cost      the month
 * @param lineItems how many CUR line items of the month were aggregated
 * @param engine    which engine aggregated them ({@code duckdb}, or {@code athena})
 */
public record CurLoad(MonthlyCost cost, long lineItems, String engine) {
}
