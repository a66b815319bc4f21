package dev.tally.functions.worker;

/** What crediting one renewal did to the table. */
public enum CreditOutcome {
  /** The balance was raised and the renewal record written. */
  CREDITED,
  /** The renewal record already existed (or another delivery wrote it meanwhile): nothing changed now. */
  ALREADY_CREDITED,
  /** The balance already held the renewal, but its record was missing: another delivery stopped between the two
   * writes (a crash, or it is between them right now), and this one wrote the record, whose stream insert triggers
   * the SMS. */
  RECORD_COMPLETED
}
