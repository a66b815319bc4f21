package dev.tally.functions.common;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted renewal: the message the ingest function queues and the worker credits.
 *
 * @param renewalId name-based UUID derived from the customer and the caller's idempotency key, so a repeated
 *     request yields the same id and the worker's conditional put turns it into a no-op
 * @param customerId the subscriber whose balance is credited
 * @param planId the plan being renewed; becomes the customer's {@code activePlan}
 * @param amount credit in the account currency, scale 2
 * @param acceptedAt when the API accepted the request
 */
public record Renewal(String renewalId, String customerId, String planId, BigDecimal amount, Instant acceptedAt) {}
