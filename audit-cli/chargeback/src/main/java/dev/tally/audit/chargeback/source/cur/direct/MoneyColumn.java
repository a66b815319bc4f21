package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.source.cur.parquet.ColumnChunk;
import dev.tally.audit.chargeback.source.cur.parquet.LogicalKind;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetColumn;
import dev.tally.audit.chargeback.source.cur.parquet.PhysicalType;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;

/**
 * One cost column of one row group, read per row as exact 10<sup>-10</sup> units: only the rows whose line item type
 * needs the column pay for the conversion. A column the file lacks (a net column of an older export) is all NULL, as
 * DuckDB's {@code union_by_name} makes it.
 */
final class MoneyColumn {
    private static final MoneyColumn ABSENT = new MoneyColumn("absent", null, null, null, 0);
    private final String name;
    private final double[] doubles;
    private final long[] longs;
    private final boolean[] nulls;
    private final int scale;

    private MoneyColumn(String name, double[] doubles, long[] longs, boolean[] nulls, int scale) {
        this.name = name;
        this.doubles = doubles;
        this.longs = longs;
        this.nulls = nulls;
        this.scale = scale;
    }

    static MoneyColumn absent() {
        return ABSENT;
    }

    /** Checks, before any data is read, that the column's type is one this class converts exactly like DuckDB. */
    static void checkSupported(ParquetColumn column) {
        boolean supported = column.maxRepetitionLevel() == 0 && switch (column.type()) {
            case DOUBLE -> true;
            case INT32, INT64 -> column.logical() == LogicalKind.DECIMAL || column.logical() == LogicalKind.NONE;
            default -> false;
        };
        if (!supported) {
            throw new UnsupportedParquetException("cost column " + String.join(".", column.path()) + " of type "
                    + column.type() + " " + column.logical());
        }
    }

    static MoneyColumn of(ColumnChunk chunk) {
        ParquetColumn column = chunk.column();
        String name = String.join(".", column.path());
        return column.type() == PhysicalType.DOUBLE
                ? new MoneyColumn(name, chunk.doubles(), null, chunk.nulls(), 0)
                : new MoneyColumn(name, null, chunk.longs(), chunk.nulls(),
                        column.logical() == LogicalKind.DECIMAL ? column.scale() : 0);
    }

    boolean isNull(int row) {
        return this == ABSENT || (nulls != null && nulls[row]);
    }

    /** The value in 10<sup>-10</sup> units; NULL counts as 0 ({@code COALESCE(CAST(x AS DECIMAL), 0)}). */
    long units(int row) {
        if (isNull(row)) {
            return 0;
        }
        return doubles != null ? Money.fromDouble(doubles[row], name) : Money.fromDecimal(longs[row], scale, name);
    }
}
