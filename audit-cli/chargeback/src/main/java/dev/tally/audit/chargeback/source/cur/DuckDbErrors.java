package dev.tally.audit.chargeback.source.cur;

import java.sql.SQLException;

/** DuckDB's error messages carry a SQL excerpt after the first line; users need only the first line. */
final class DuckDbErrors {
    private DuckDbErrors() {
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
