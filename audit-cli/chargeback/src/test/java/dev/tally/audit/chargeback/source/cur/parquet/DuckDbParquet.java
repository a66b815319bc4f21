package dev.tally.audit.chargeback.source.cur.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test peer: a real embedded DuckDB that writes Parquet files with {@code COPY} and reads them back, so the reader
 * under test is always compared against an independent, mature implementation on the very same bytes.
 */
final class DuckDbParquet implements AutoCloseable {

    private final Connection connection;

    DuckDbParquet() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Writes {@code select} to {@code file} with the given COPY options (after {@code FORMAT parquet}). */
    Path write(Path file, String select, String options) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet"
                    + (options.isBlank() ? "" : ", " + options) + ")");
        }
        return file;
    }

    /** One expression per row of the file, in file order. */
    List<Object> column(Path file, String expression) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Object[] row : rows("SELECT " + expression + " FROM read_parquet('" + file
                + "', file_row_number = true) ORDER BY file_row_number")) {
            values.add(row[0]);
        }
        return values;
    }

    List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Every row group's chunk of a flat column, concatenated, as Java values (null where undefined). */
    static List<Object> decodeFlat(ParquetFile file, String top) throws IOException {
        ParquetColumn column = file.column(top).orElseThrow();
        List<Object> values = new ArrayList<>();
        for (int g = 0; g < file.rowGroupCount(); g++) {
            ColumnChunk chunk = file.read(g, column);
            for (int i = 0; i < chunk.size(); i++) {
                values.add(valueAt(chunk, i));
            }
        }
        return values;
    }

    static Object valueAt(ColumnChunk chunk, int entry) {
        if (chunk.nulls() != null && chunk.nulls()[entry]) {
            return null;
        }
        return switch (chunk.column().type()) {
            case BYTE_ARRAY -> chunk.dictionary()[chunk.ids()[entry]];
            case FLOAT, DOUBLE -> chunk.doubles()[entry];
            default -> chunk.longs()[entry];
        };
    }
}
