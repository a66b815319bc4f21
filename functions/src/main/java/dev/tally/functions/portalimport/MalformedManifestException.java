package dev.tally.functions.portalimport;

/** The manifest as a whole cannot be read (no or wrong header): nothing in it is imported. */
public final class MalformedManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedManifestException(String message) {
    super(message);
  }
}
