package dev.tally.audit.chargeback.source.cur;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A DuckDB session over the CUR files, opened on first use: a report the direct Parquet reader serves never starts
 * DuckDB at all, yet the SQL fallback and the explanations of an empty month or an unknown tag key can still reach it.
 */
final class LazyDuckDb implements AutoCloseable {
    /**
     * An open session.
     *
     * @param connection configured, with the view {@code cur} over the files
     * @param schema     the files' columns, read once when the session opened
     */
    record Session(Connection connection, CurSchema schema) {
    }

    /** Opens the session. */
    @FunctionalInterface
    interface Opener {
        Session open() throws SQLException;
    }

    private final Opener opener;
    private Session session;

    LazyDuckDb(Opener opener) {
        this.opener = opener;
    }

    Session get() throws SQLException {
        if (session == null) {
            session = opener.open();
        }
        return session;
    }

    @Override
    public void close() throws SQLException {
        if (session != null) {
            session.connection().close();
        }
    }
}
