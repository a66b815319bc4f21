package dev.tally.functions.support;

/**
 * A local peer could not be started because something is not installed. The message is one line that names the
 * install command; {@link LocalPeersExtension} turns it into a failed test on CI and a skipped one elsewhere.
 */
public final class LocalPeerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line: what is missing and the command that installs it */
  public LocalPeerUnavailableException(String message) {
    super(message);
  }
}
