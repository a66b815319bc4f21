package dev.tally.functions.portalimport;

/** A data line of a manifest: a {@link ManifestRow} to import or a {@link RefusedRow} to report. */
public sealed interface ManifestLine permits ManifestRow, RefusedRow {
  /** 1-based line number in the manifest (the header is line 1). */
  int line();
}
