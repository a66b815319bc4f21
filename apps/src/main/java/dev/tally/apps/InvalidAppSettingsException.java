package dev.tally.apps;

import java.util.List;

/** The app's context is unusable; the message lists every problem with its fix. */
public final class InvalidAppSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAppSettingsException(List<String> problems) {
        super("Cannot synthesize the Tally app (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
    }
}
