package dev.tally.constructs.compliance;

import java.util.List;

/**
 * A policy file the gate reads (the suppression file, the tag policy, the FinOps rule levels) was rejected;
 * {@link #problems()} lists every problem found, each naming its entry.
 */
public final class InvalidSuppressionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSuppressionsException(String source, List<String> problems) {
        super(source + " is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
