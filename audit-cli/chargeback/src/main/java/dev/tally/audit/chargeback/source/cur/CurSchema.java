package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.common.cli.UserFacingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of the CUR files, read from each file's header (Parquet footer or CSV header) without scanning data, so
 * a file with missing columns, or one that is not a CUR file at all, is named before any work is done.
 *
 * @param files each file's columns, lower-case name to DuckDB type, in file order
 */
record CurSchema(Map<Path, Map<String, String>> files) {

    /** Reads every file's header; one that cannot be read is a usage error naming it. */
    static CurSchema describe(Connection duckdb, CurFiles files) {
        Map<Path, Map<String, String>> columns = new LinkedHashMap<>();
        for (Path file : files.files()) {
            columns.put(file, describe(duckdb, files.format(), file));
        }
        return new CurSchema(columns);
    }

    /** This schema, when every file has every {@code required} column; else a usage error listing them by file. */
    CurSchema require(Set<String> required) {
        return require(required, "CUR 2.0", "Cost and Usage Report 2.0");
    }

    /** {@link #require(Set)} for the export {@code label}, whose Data Exports table is {@code table}. */
    CurSchema require(Set<String> required, String label, String table) {
        List<String> problems = new ArrayList<>();
        files.forEach((file, columns) -> {
            List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(file + " lacks " + String.join(", ", missing));
            }
        });
        if (!problems.isEmpty()) {
            throw UserFacingException.usage("not a " + label + " export with the columns this report needs: "
                    + String.join("; ", problems) + ". Export the '" + table
                    + "' table (AWS Data Exports) with these columns.");
        }
        return this;
    }

    /** Every column seen in any file, lower-case name to DuckDB type (the first file's type). */
    Map<String, String> columns() {
        Map<String, String> union = new LinkedHashMap<>();
        files.values().forEach(columns -> columns.forEach(union::putIfAbsent));
        return union;
    }

    /** How {@code resource_tags} is stored (a MAP in Parquet, JSON text in CSV). */
    TagEncoding tagEncoding() {
        return tagEncoding(CurColumns.RESOURCE_TAGS);
    }

    /** How the map column {@code column} (lower case) is stored: a MAP in Parquet, JSON text in CSV. */
    TagEncoding tagEncoding(String column) {
        String tagsType = columns().getOrDefault(column, "VARCHAR");
        return tagsType.startsWith("MAP") ? TagEncoding.MAP : TagEncoding.JSON_TEXT;
    }

    /** The files as one relation; with {@code partitioned}, plus the {@code billing_period} column of their folders. */
    static String reader(CurFiles.Format format, List<Path> files, boolean partitioned) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < files.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(SqlDialect.literal(files.get(i).toString()));
        }
        list.append(']');
        // CSV is read as text: account ids keep leading zeros and costs are cast from their exact decimal text.
        // Hive partitioning is said explicitly either way: DuckDB would otherwise detect it from the paths alone.
        // Partition values stay text ('2025-10'), whatever they look like.
        String hive = partitioned ? ", hive_partitioning = true, hive_types_autocast = false"
                : ", hive_partitioning = false";
        return format == CurFiles.Format.PARQUET
                ? "read_parquet(" + list + ", union_by_name = true" + hive + ")"
                : "read_csv(" + list + ", header = true, all_varchar = true, union_by_name = true" + hive + ")";
    }

    private static Map<String, String> describe(Connection duckdb, CurFiles.Format format, Path file) {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + reader(format, List.of(file), false))) {
            while (rs.next()) {
                columns.put(rs.getString("column_name").toLowerCase(java.util.Locale.ROOT), rs.getString("column_type"));
            }
        } catch (SQLException e) {
            throw UserFacingException.usage("cannot read CUR file " + file + " as " + format + ": "
                    + DuckDbErrors.firstLine(e) + ". Is it a complete, uncorrupted Data Exports file?");
        }
        return columns;
    }
}
