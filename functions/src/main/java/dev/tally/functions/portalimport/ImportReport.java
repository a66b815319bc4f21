package dev.tally.functions.portalimport;

import java.time.YearMonth;
import java.util.List;

/**
 * What one run of the import did. Rows refused in earlier runs of the same manifest were reported by those runs;
 * {@link #checkpoint()} holds the totals over every run.
 *
 * @param month       the month imported
 * @param manifestKey the manifest's key in the documents bucket
 * @param imported    documents this run inserted
 * @param alreadyPresent valid rows this run found already stored (a re-run, or a retry after a lost response)
 * @param refused     malformed lines this run met, each named with its reason
 * @param checkpoint  where the import stands after this run; {@code complete()} false means the next run continues
 *                    at {@code nextLine()}
 */
public record ImportReport(YearMonth month, String manifestKey, int imported, int alreadyPresent,
    List<RefusedRow> refused, Checkpoint checkpoint) {

  public ImportReport {
    refused = List.copyOf(refused);
  }

  /** Whether every line of the manifest has now been processed. */
  public boolean complete() {
    return checkpoint.complete();
  }
}
