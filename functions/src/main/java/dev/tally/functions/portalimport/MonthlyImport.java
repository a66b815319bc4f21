package dev.tally.functions.portalimport;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The import of one month's manifest: parse it, skip what earlier runs committed, then insert the documents in
 * batches, each batch committed together with the checkpoint. Before each batch it asks whether time is running
 * out; if so it stops, leaving the checkpoint for the next run to continue from.
 */
public final class MonthlyImport {

  /** Documents per transaction: large enough to amortize round trips, small enough to lose little on a stop. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  private final Function<String, String> manifests;
  private final DocumentStore store;
  private final String manifestPrefix;
  private final int batchSize;

  /**
   * @param manifests      reads a manifest's text by its key (the documents bucket on S3)
   * @param store          the database
   * @param manifestPrefix key prefix of the manifests, e.g. {@code manifests/}
   * @param batchSize      documents per transaction (1 or more)
   */
  public MonthlyImport(Function<String, String> manifests, DocumentStore store, String manifestPrefix,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1 (was " + batchSize + ")");
    }
    this.manifests = manifests;
    this.store = store;
    this.manifestPrefix = manifestPrefix;
    this.batchSize = batchSize;
  }

  /** The key of {@code month}'s manifest: {@code <prefix>YYYY-MM.csv}. */
  public String manifestKey(YearMonth month) {
    return manifestPrefix + month + ".csv";
  }

  /**
   * Imports {@code month}, continuing from its checkpoint.
   *
   * @param outOfTime asked before each batch; true stops the run cleanly at the checkpoint
   * @throws MalformedManifestException when the manifest cannot be read as a whole (nothing is imported)
   */
  public ImportReport run(YearMonth month, BooleanSupplier outOfTime) throws SQLException {
    String key = manifestKey(month);
    store.ensureSchema();
    Checkpoint checkpoint = store.checkpoint(key).orElse(Checkpoint.START);
    if (checkpoint.complete()) {
      return new ImportReport(month, key, 0, 0, List.of(), checkpoint);
    }
    Manifest manifest = Manifest.parse(manifests.apply(key));
    List<ManifestLine> pending = pendingLines(manifest, checkpoint.nextLine());
    int imported = 0;
    int alreadyPresent = 0;
    List<RefusedRow> refused = new ArrayList<>();
    int position = 0;
    do {
      if (outOfTime.getAsBoolean()) {
        return new ImportReport(month, key, imported, alreadyPresent, refused, checkpoint);
      }
      List<ManifestRow> batch = new ArrayList<>();
      int refusedInBatch = 0;
      int lastLine = checkpoint.nextLine() - 1;
      while (position < pending.size() && batch.size() < batchSize) {
        ManifestLine line = pending.get(position++);
        lastLine = line.line();
        if (line instanceof ManifestRow row) {
          batch.add(row);
        } else {
          refused.add((RefusedRow) line);
          refusedInBatch++;
        }
      }
      boolean complete = position == pending.size();
      Checkpoint next = store.commitBatch(key, month, batch, checkpoint, lastLine + 1, refusedInBatch, complete);
      int inserted = (int) (next.imported() - checkpoint.imported());
      imported += inserted;
      alreadyPresent += batch.size() - inserted;
      checkpoint = next;
    } while (!checkpoint.complete());
    return new ImportReport(month, key, imported, alreadyPresent, refused, checkpoint);
  }

  /** Valid and refused lines from {@code fromLine} on, in file order. */
  private static List<ManifestLine> pendingLines(Manifest manifest, int fromLine) {
    List<ManifestLine> lines = new ArrayList<>();
    manifest.rows().stream().filter(r -> r.line() >= fromLine).forEach(lines::add);
    manifest.refused().stream().filter(r -> r.line() >= fromLine).forEach(lines::add);
    lines.sort(Comparator.comparingInt(ManifestLine::line));
    return lines;
  }
}
