package dev.tally.functions.notifier;

/**
 * The SMS sent for a credited renewal. It stays within one GSM-7 segment (160 characters): plan ids and amounts
 * are ASCII by validation, and the reference is the first 8 characters of the renewal id, enough for support to
 * find the renewal under the customer.
 */
public final class SmsText {
  /** One SMS segment in the GSM-7 alphabet. */
  public static final int MAX_LENGTH = 160;

  private SmsText() {}

  /** For example {@code Tally: FIBER-100 renewed, 25.00 credited to your account. Ref 3f2a9c1e}. */
  public static String forCredit(CreditedRenewal renewal) {
    return "Tally: " + renewal.planId() + " renewed, " + renewal.amount().toPlainString()
        + " credited to your account. Ref " + renewal.renewalId().substring(0, Math.min(8, renewal.renewalId().length()));
  }
}
