package dev.tally.audit.chargeback.source.cur;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A DuckDB connection opened on first use: a report the direct Parquet reader serves never starts DuckDB at all,
 * yet the SQL fallback and the explanations of an empty month or an unknown tag key can still reach it.
 */
final class LazyDuckDb implements AutoCloseable {
    /** Opens the connection (configured, with the view {@code cur}). */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private Connection connection;

    LazyDuckDb(Opener opener) {
        this.opener = opener;
    }

    Connection get() throws SQLException {
        if (connection == null) {
            connection = opener.open();
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
