package dev.tally.audit.scan.run;

import dev.tally.audit.scan.model.AuditAccount;
import java.util.List;

/**
 * Lists the accounts to scan and opens a session in each (implemented on the AWS side with STS and Organizations).
 *
 * <p>Failures: {@link #accounts()} failing (ListAccounts denied, no credentials) means nothing can be scanned, so it
 * throws; {@link #open} failing (AssumeRole denied in one member account) fails that account only: throw a
 * {@link CollectionException} (service {@code STS}) and the scan records it and goes on with the others.
 */
public interface AccountDirectory extends AutoCloseable {

    /** The accounts to scan, in a stable order, without duplicates. */
    List<AuditAccount> accounts();

    /** A session acting in the account (assuming the role when one was asked for). */
    AccountSession open(AuditAccount account);

    /**
     * Releases the clients and credential providers behind the sessions; called once, after every collection of the
     * scan has finished (sessions stay valid until then).
     */
    @Override
    default void close() {
    }
}
