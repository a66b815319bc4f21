package dev.tally.audit.chargeback.source.cur.parquet;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A column chunk's statistics, decoded. Min/max come from the chunk's {@code min_value}/{@code max_value} when
 * present, else from the deprecated {@code min}/{@code max} only where their signed sort order is valid for the
 * column (never for BYTE_ARRAY, INT96 or unsigned integers). INT32, INT64 and BOOLEAN bounds are in the long
 * fields (raw stored value: unscaled for decimals, in the column's unit for timestamps); FLOAT and DOUBLE bounds in
 * the double fields; all four are empty for other types or when the file has no bounds.
 *
 * @param nullCount number of undefined entries in the chunk, or -1 when the file does not say
 */
public record ColumnStatistics(OptionalLong minLong, OptionalLong maxLong, OptionalDouble minDouble,
        OptionalDouble maxDouble, long nullCount) {}
