package dev.tally.audit.common.cli;

/**
 * A problem the user can fix, said in one line that names the problem and the fix. The CLI prints the message (never
 * a stack trace) and exits with {@link #exitCode()}, one of {@link ExitCode}'s.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserFacingException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserFacingException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A bad flag, value or input file: exit {@link ExitCode#USAGE}. */
    public static UserFacingException usage(String message) {
        return new UserFacingException(ExitCode.USAGE, message);
    }

    /** An AWS or source failure that left the result incomplete: exit {@link ExitCode#INCOMPLETE}. */
    public static UserFacingException incomplete(String message, Throwable cause) {
        return new UserFacingException(ExitCode.INCOMPLETE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
