package dev.tally.audit.chargeback;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tally chargeback}: placeholder until the chargeback issue lands; exits with a usage error. */
@Command(name = "chargeback", mixinStandardHelpOptions = true,
        description = "Produces the monthly chargeback report, reconciled to the bill.")
public final class ChargebackCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw dev.tally.audit.common.cli.UserFacingException.usage("'tally chargeback' is not implemented yet");
    }
}
