package dev.tally.audit.scan;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tally scan}: placeholder until the scan issue lands; exits with a usage error rather than pretending. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans accounts for idle EC2, orphaned load balancers, public buckets and untagged resources.")
public final class ScanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw dev.tally.audit.common.cli.UserFacingException.usage("'tally scan' is not implemented yet");
    }
}
