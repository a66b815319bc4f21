package dev.tally.audit.scan.report;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.scan.check.Severity;
import java.util.Optional;

/**
 * The scan's exit code. A partial failure (3) wins over findings (1): an incomplete scan cannot prove the absence
 * of findings in what it missed, so a pipeline must look at it whatever was found.
 */
public final class ExitStatus {
    private ExitStatus() {
    }

    /**
     * @param report the report
     * @param failOn the lowest severity that fails the run, or empty for {@code --fail-on none}
     */
    public static int of(ScanReport report, Optional<Severity> failOn) {
        if (!report.failures().isEmpty()) {
            return ExitCode.INCOMPLETE;
        }
        if (failOn.isPresent() && report.findingsAtLeast(failOn.get()) > 0) {
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }
}
