package dev.tally.functions.common;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table layout shared by the worker, the notifier and the balance API.
 *
 * <pre>
 * pk                 sk                    item
 * CUSTOMER#{id}      BALANCE               customerId, balance (N), activePlan, updatedAt, lastRenewalId,
 *                                          renewalCount (N), applied_{window} (SS of renewal ids)
 * CUSTOMER#{id}      RENEWAL#{renewalId}   renewalId, customerId, planId, amount (N), status=CREDITED,
 *                                          acceptedAt, creditedAt, expiresAt (N, epoch seconds, for TTL)
 * </pre>
 *
 * One partition per customer keeps the balance and its renewals together; the renewal item's existence, and the
 * balance's applied-id sets, are the "already credited" facts the worker's conditional writes check.
 */
public final class RenewalTable {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String TYPE = "type";
  public static final String CUSTOMER_ID = "customerId";
  public static final String RENEWAL_ID = "renewalId";
  public static final String PLAN_ID = "planId";
  public static final String AMOUNT = "amount";
  public static final String STATUS = "status";
  public static final String ACCEPTED_AT = "acceptedAt";
  public static final String CREDITED_AT = "creditedAt";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String BALANCE = "balance";
  public static final String ACTIVE_PLAN = "activePlan";
  public static final String UPDATED_AT = "updatedAt";
  public static final String LAST_RENEWAL_ID = "lastRenewalId";
  public static final String RENEWAL_COUNT = "renewalCount";
  /** Prefix of the balance item's applied-id sets, one per window (see {@code AppliedWindows}). */
  public static final String APPLIED_IDS_PREFIX = "applied_";

  /** {@code sk} of a customer's balance item. */
  public static final String BALANCE_SK = "BALANCE";
  /** Prefix of {@code sk} for renewal items. */
  public static final String RENEWAL_SK_PREFIX = "RENEWAL#";
  /** {@code status} of a renewal whose amount is in the balance. */
  public static final String STATUS_CREDITED = "CREDITED";
  /** {@code type} values, so a stream consumer can tell items apart without parsing keys. */
  public static final String TYPE_BALANCE = "BALANCE";
  public static final String TYPE_RENEWAL = "RENEWAL";

  private RenewalTable() {}

  /** {@code pk} of every item of one customer. */
  public static String customerPk(String customerId) {
    return "CUSTOMER#" + customerId;
  }

  /** Key of the customer's balance item. */
  public static Map<String, AttributeValue> balanceKey(String customerId) {
    return Map.of(PK, s(customerPk(customerId)), SK, s(BALANCE_SK));
  }

  /** Key of one renewal item. */
  public static Map<String, AttributeValue> renewalKey(String customerId, String renewalId) {
    return Map.of(PK, s(customerPk(customerId)), SK, s(RENEWAL_SK_PREFIX + renewalId));
  }

  /** Name of the balance item's string set of the renewal ids credited in applied-id window {@code window}. */
  public static String appliedIds(long window) {
    return APPLIED_IDS_PREFIX + window;
  }

  /** A string attribute. */
  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** A number attribute. */
  public static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
