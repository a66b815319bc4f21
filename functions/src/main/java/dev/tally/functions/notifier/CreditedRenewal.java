package dev.tally.functions.notifier;

import java.math.BigDecimal;

/**
 * A renewal that has just become credited, as read from its stream image.
 *
 * @param renewalId the renewal
 * @param customerId the subscriber to tell
 * @param planId the renewed plan
 * @param amount the credited amount, scale 2
 */
public record CreditedRenewal(String renewalId, String customerId, String planId, BigDecimal amount) {}
