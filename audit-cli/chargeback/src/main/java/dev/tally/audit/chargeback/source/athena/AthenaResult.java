package dev.tally.audit.chargeback.source.athena;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of one finished Athena query, every page read, and what Athena scanned for it.
 *
 * @param queryExecutionId the query's id (for the user to look it up in the console)
 * @param columns          column names, in order
 * @param rows             the values as Athena returns them (text), {@code null} for SQL NULL
 * @param bytesScanned     {@code Statistics.DataScannedInBytes}: what the query is billed by
 */
public record AthenaResult(String queryExecutionId, List<String> columns, List<List<String>> rows, long bytesScanned) {
    public AthenaResult {
        columns = List.copyOf(columns);
        // Rows hold nulls, which List.copyOf rejects.
        List<List<String>> copy = new ArrayList<>(rows.size());
        rows.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copy);
    }

    /** The column's position, or an error naming the query when Athena did not return it. */
    int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("Athena query " + queryExecutionId + " returned no column " + name
                    + " (columns: " + columns + ")");
        }
        return index;
    }
}
