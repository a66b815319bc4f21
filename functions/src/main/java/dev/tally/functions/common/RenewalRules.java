package dev.tally.functions.common;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid renewal looks like. The ingest API enforces it for callers and the worker enforces it again for
 * whatever reaches the queue, so the table never holds a value the API would have refused.
 */
public final class RenewalRules {
  /** 3–64 characters: letters, digits, {@code _} and {@code -}, starting with a letter or digit. No {@code #}, which
   * separates key parts in the table. */
  public static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,63}");
  /** 1–32 characters: letters, digits, {@code _ . -}, starting with a letter or digit (all SMS-safe). */
  public static final Pattern PLAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  /** Largest single renewal accepted, in the account currency; anything above is a typo or an attack. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");
  /** Idempotency keys: 1–128 visible ASCII characters (a UUID is typical). */
  public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private RenewalRules() {}

  /** Why {@code customerId} is unacceptable, or empty when it is fine. */
  public static Optional<String> customerIdProblem(String customerId) {
    if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
      return Optional.of("customerId must be 3-64 characters of letters, digits, '_' or '-', starting with a letter"
          + " or digit (for example \"CUST-10042\").");
    }
    return Optional.empty();
  }

  /** Why {@code planId} is unacceptable, or empty when it is fine. */
  public static Optional<String> planIdProblem(String planId) {
    if (planId == null || !PLAN_ID.matcher(planId).matches()) {
      return Optional.of("planId must be 1-32 characters of letters, digits, '_', '.' or '-', starting with a letter"
          + " or digit (for example \"FIBER-100\").");
    }
    return Optional.empty();
  }

  /** Why {@code amount} is unacceptable, or empty when it is fine. */
  public static Optional<String> amountProblem(BigDecimal amount) {
    if (amount == null) {
      return Optional.of("amount must be a decimal number such as 25.00.");
    }
    if (amount.signum() <= 0) {
      return Optional.of("amount must be greater than zero (got " + amount.toPlainString() + ").");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      return Optional.of("amount must have at most 2 decimal places (got " + amount.toPlainString() + ").");
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      return Optional.of("amount must be at most " + MAX_AMOUNT.toPlainString() + " (got " + amount.toPlainString()
          + ").");
    }
    return Optional.empty();
  }
}
