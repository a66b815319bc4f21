package dev.tally.functions.worker;

/** What crediting one renewal did to the table. */
public enum CreditOutcome {
  /** The renewal item was written and the balance raised, in one transaction. */
  CREDITED,
  /** The renewal item already existed: an earlier delivery credited it, nothing changed now. */
  ALREADY_CREDITED
}
