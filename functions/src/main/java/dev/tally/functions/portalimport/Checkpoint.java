package dev.tally.functions.portalimport;

/**
 * How far the import of one manifest has got, stored in the database in the same transaction as each batch of
 * documents, so it can never say more (or less) than what was committed.
 *
 * @param nextLine  the first manifest line not yet processed (2 = nothing processed: line 1 is the header)
 * @param imported  documents inserted so far, over every run
 * @param refused   lines refused so far, over every run
 * @param complete  every line has been processed
 */
public record Checkpoint(int nextLine, long imported, long refused, boolean complete) {

  /** Before the first run. */
  public static final Checkpoint START = new Checkpoint(2, 0, 0, false);
}
