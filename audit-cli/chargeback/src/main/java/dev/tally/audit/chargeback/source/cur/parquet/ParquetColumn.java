package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.List;

/**
 * A leaf column of a Parquet schema.
 *
 * @param path               field names from the root's child down to the leaf, e.g.
 *                           {@code ["line_item_usage_account_id"]} or {@code ["resource_tags","key_value","key"]}
 *                           (the middle group keeps whatever name the file gives it)
 * @param type               the physical storage type
 * @param logical            what the values mean (see {@link LogicalKind})
 * @param scale              decimal scale for {@link LogicalKind#DECIMAL}, else 0
 * @param precision          decimal precision for {@link LogicalKind#DECIMAL}, else 0
 * @param timeUnit           unit for {@link LogicalKind#TIMESTAMP}, else null
 * @param maxDefinitionLevel number of optional or repeated fields on the path; an entry is defined (holds a value)
 *                           iff its definition level equals this
 * @param maxRepetitionLevel number of repeated fields on the path; 0 for a flat column
 * @param index              0-based position of the leaf in the file's column order (= column chunk order in a
 *                           row group)
 */
public record ParquetColumn(List<String> path, PhysicalType type, LogicalKind logical, int scale, int precision,
        TimeUnit timeUnit, int maxDefinitionLevel, int maxRepetitionLevel, int index) {

    public ParquetColumn {
        path = List.copyOf(path);
    }

    /** The dotted path, for messages: {@code resource_tags.key_value.key}. */
    public String dottedPath() {
        return String.join(".", path);
    }
}
