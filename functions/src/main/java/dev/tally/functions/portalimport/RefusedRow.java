package dev.tally.functions.portalimport;

/**
 * A manifest line that was not imported, and why: never dropped silently.
 *
 * @param line   1-based line number in the manifest
 * @param reason what is wrong, naming the column (and the invoice when the line has one)
 */
public record RefusedRow(int line, String reason) implements ManifestLine {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
