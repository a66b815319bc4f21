package dev.tally.audit.chargeback.source.cur.parquet;

/**
 * One decoded column chunk of one row group. Every array is indexed by <em>entry</em> (level position): the number
 * of entries is the sum of the pages' {@code num_values}; for a flat column ({@code maxRepetitionLevel == 0}) an
 * entry is a row of the row group. An entry is defined (has a value) iff its definition level equals
 * {@link ParquetColumn#maxDefinitionLevel()}.
 *
 * <p>Every array returned is exactly {@link #size()} long (dictionary: exactly its number of values) and is the
 * chunk's own storage, not a copy: callers may read it freely but should not modify it if they share the chunk. A
 * chunk read into {@link ReadBuffers} borrows their arrays instead, which may be longer than {@link #size()}.
 * Arrays that do not apply to the column's type are null: {@link #ids()}/{@link #dictionary()} only for
 * BYTE_ARRAY, {@link #doubles()} only for FLOAT/DOUBLE, {@link #longs()} only for INT32/INT64/INT96/BOOLEAN.
 */
public final class ColumnChunk {

    private final ParquetColumn column;
    private final int size;
    private final int[] repetitionLevels;
    private final int[] definitionLevels;
    private final int[] ids;
    private final String[] dictionary;
    private final double[] doubles;
    private final long[] longs;
    private final boolean[] nulls;

    ColumnChunk(ParquetColumn column, int size, int[] repetitionLevels, int[] definitionLevels, int[] ids,
            String[] dictionary, double[] doubles, long[] longs, boolean[] nulls) {
        this.column = column;
        this.size = size;
        this.repetitionLevels = repetitionLevels;
        this.definitionLevels = definitionLevels;
        this.ids = ids;
        this.dictionary = dictionary;
        this.doubles = doubles;
        this.longs = longs;
        this.nulls = nulls;
    }

    /** The leaf this chunk belongs to. */
    public ParquetColumn column() {
        return column;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** Per entry repetition level; null when {@code maxRepetitionLevel == 0}. */
    public int[] repetitionLevels() {
        return repetitionLevels;
    }

    /** Per entry definition level; null when {@code maxDefinitionLevel == 0} (every entry defined). */
    public int[] definitionLevels() {
        return definitionLevels;
    }

    /** BYTE_ARRAY only: per entry, the index into {@link #dictionary()}; -1 where the entry is not defined. */
    public int[] ids() {
        return ids;
    }

    /**
     * BYTE_ARRAY only: the values {@link #ids()} point to, decoded as UTF-8 Strings. Dictionary-page values come
     * first, in page order (so their ids are the file's own dictionary ids); values of PLAIN-encoded pages (writers
     * fall back to PLAIN when a dictionary grows too big) are interned and appended, one id per distinct value — a
     * PLAIN value equal to a dictionary-page value gets that value's id. Within a chunk, equal ids therefore mean
     * equal strings and (unless the writer's dictionary page itself holds duplicates) equal strings mean equal ids.
     * Ids are per chunk: they do not carry across row groups.
     */
    public String[] dictionary() {
        return dictionary;
    }

    /** FLOAT/DOUBLE only: per entry value, 0 where not defined. */
    public double[] doubles() {
        return doubles;
    }

    /**
     * INT32/INT64 (sign-extended; raw unscaled value for DECIMAL, raw count of the column's unit for TIMESTAMP,
     * days for DATE), INT96 converted to epoch microseconds, BOOLEAN as 0/1: per entry value, 0 where not defined.
     */
    public long[] longs() {
        return longs;
    }

    /** Per entry true where not defined; null when every entry is defined (the caller's fast path). */
    public boolean[] nulls() {
        return nulls;
    }

    /**
     * Where each row's entries start: row {@code r} owns entries {@code [starts[r], starts[r + 1])}, and the last
     * element is {@link #size()}; so the array has rows + 1 elements. For a flat column that is simply
     * {@code 0, 1, ..., size}. For a MAP key leaf, a row's entries are its keys when defined; a NULL or empty map
     * has one undefined entry (definition level 0 or 1 respectively). Computed on each call (one pass over the
     * repetition levels), so call it once per chunk.
     */
    public int[] rowStarts() {
        int rows = 0;
        for (int e = 0; e < size; e++) {
            if (repetitionLevels == null || repetitionLevels[e] == 0) {
                rows++;
            }
        }
        int[] starts = new int[rows + 1];
        int row = 0;
        for (int e = 0; e < size; e++) {
            if (repetitionLevels == null || repetitionLevels[e] == 0) {
                starts[row++] = e;
            }
        }
        starts[rows] = size;
        return starts;
    }
}
