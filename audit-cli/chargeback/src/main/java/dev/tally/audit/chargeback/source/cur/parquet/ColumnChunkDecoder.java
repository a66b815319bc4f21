package dev.tally.audit.chargeback.source.cur.parquet;

import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.BYTE_STREAM_SPLIT;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.DELTA_BINARY_PACKED;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.DELTA_BYTE_ARRAY;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.DELTA_LENGTH_BYTE_ARRAY;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.PLAIN;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.PLAIN_DICTIONARY;
import static dev.tally.audit.chargeback.source.cur.parquet.ParquetEncoding.RLE;

/**
 * Decodes the pages of one column chunk into the entry-indexed arrays of a {@link ColumnChunk}. One instance per
 * {@link ParquetFile#read} call: it owns its output and scratch arrays, so concurrent reads share nothing mutable.
 *
 * <p>Values are decoded densely (one per defined entry) and then scattered to their entries using the definition
 * levels; pages without nulls decode straight into the output.
 */
final class ColumnChunkDecoder {

    private final ParquetColumn column;
    private final PhysicalType type;
    private final String name;
    private final PageDecompressor decompressor;
    private final int entries;
    private final int maxDef;
    private final int maxRep;

    private final int[] rep;
    private final int[] def;
    private final boolean[] nullFlags;
    private boolean sawNull;
    private final int[] ids;
    private final long[] longs;
    private final double[] doubles;
    private final StringDictionary strings;

    private boolean hasDictionary;
    private int dictionarySize;
    private long[] dictionaryLongs;
    private double[] dictionaryDoubles;

    private int filled;
    private int[] scratchIds = new int[0];
    private long[] scratchLongs = new long[0];
    private double[] scratchDoubles = new double[0];

    ColumnChunkDecoder(ParquetColumn column, int entries, PageDecompressor decompressor) {
        this(column, entries, decompressor, null);
    }

    /**
     * @param reuse where to take (and leave) the output arrays; {@code null} for fresh, exact-length arrays. Reused
     *              arrays are overwritten for every entry, so nothing of an earlier chunk shows through.
     */
    ColumnChunkDecoder(ParquetColumn column, int entries, PageDecompressor decompressor,
            ReadBuffers.ColumnArrays reuse) {
        this.column = column;
        this.type = column.type();
        this.name = column.dottedPath();
        this.decompressor = decompressor;
        this.entries = entries;
        this.maxDef = column.maxDefinitionLevel();
        this.maxRep = column.maxRepetitionLevel();
        if (type == PhysicalType.FIXED_LEN_BYTE_ARRAY) {
            throw new UnsupportedParquetException("physical type FIXED_LEN_BYTE_ARRAY in column " + name);
        }
        if (type == PhysicalType.BYTE_ARRAY && column.logical() == LogicalKind.DECIMAL) {
            // big-endian two's complement bytes, not text: decoding them as UTF-8 would silently corrupt amounts
            throw new UnsupportedParquetException("DECIMAL stored as BYTE_ARRAY in column " + name);
        }
        boolean strings = type == PhysicalType.BYTE_ARRAY;
        boolean floating = type == PhysicalType.FLOAT || type == PhysicalType.DOUBLE;
        this.strings = strings ? new StringDictionary() : null;
        if (reuse == null) {
            this.rep = maxRep > 0 ? new int[entries] : null;
            this.def = maxDef > 0 ? new int[entries] : null;
            this.nullFlags = maxDef > 0 ? new boolean[entries] : null;
            this.ids = strings ? new int[entries] : null;
            this.doubles = floating ? new double[entries] : null;
            this.longs = !strings && !floating ? new long[entries] : null;
        } else {
            this.rep = maxRep > 0 ? reuse.repetition = ReadBuffers.ColumnArrays.ints(reuse.repetition, entries) : null;
            this.def = maxDef > 0 ? reuse.definition = ReadBuffers.ColumnArrays.ints(reuse.definition, entries) : null;
            this.nullFlags = maxDef > 0 ? reuse.nulls = ReadBuffers.ColumnArrays.booleans(reuse.nulls, entries) : null;
            this.ids = strings ? reuse.ids = ReadBuffers.ColumnArrays.ints(reuse.ids, entries) : null;
            this.doubles = floating ? reuse.doubles = ReadBuffers.ColumnArrays.doubles(reuse.doubles, entries) : null;
            this.longs = !strings && !floating ? reuse.longs = ReadBuffers.ColumnArrays.longs(reuse.longs, entries)
                    : null;
        }
    }

    /**
     * Walks the page headers only and checks their value counts add up to the chunk metadata's. Run before
     * constructing a decoder: the entry arrays are sized from the metadata, and a corrupt count must be caught
     * before it turns into a multi-gigabyte allocation.
     */
    static void checkPageValueCounts(byte[] chunk, int offset, int length, long expected) {
        int pos = offset;
        int end = offset + length;
        long total = 0;
        while (pos < end) {
            ThriftCompactReader in = new ThriftCompactReader(chunk, pos, end);
            PageHeader header = PageHeader.parse(in);
            int body = in.position();
            if (header.compressedSize() > end - body) {
                throw new CorruptParquetException("a page of " + header.compressedSize()
                        + " bytes runs past the end of the column chunk");
            }
            if (header.type() == PageHeader.DATA_PAGE || header.type() == PageHeader.DATA_PAGE_V2) {
                if (header.numValues() < 0) {
                    throw new CorruptParquetException("a data page with " + header.numValues() + " values");
                }
                total += header.numValues();
            }
            pos = body + header.compressedSize();
        }
        if (total != expected) {
            throw new CorruptParquetException("the pages hold " + total + " values, the chunk metadata says "
                    + expected);
        }
    }

    ColumnChunk decode(byte[] chunk, int offset, int length) {
        int pos = offset;
        int end = offset + length;
        while (pos < end && filled < entries) {
            ThriftCompactReader in = new ThriftCompactReader(chunk, pos, end);
            PageHeader header = PageHeader.parse(in);
            int body = in.position();
            if (header.compressedSize() > end - body) {
                throw new CorruptParquetException("a page of " + header.compressedSize()
                        + " bytes runs past the end of the column chunk");
            }
            switch (header.type()) {
                case PageHeader.DICTIONARY_PAGE -> dictionaryPage(header, chunk, body);
                case PageHeader.DATA_PAGE -> dataPageV1(header, chunk, body);
                case PageHeader.DATA_PAGE_V2 -> dataPageV2(header, chunk, body);
                default -> {
                    // INDEX_PAGE and page types from the future carry no values of this chunk
                }
            }
            pos = body + header.compressedSize();
        }
        if (filled != entries) {
            throw new CorruptParquetException("the pages hold " + filled + " values, the chunk metadata says "
                    + entries);
        }
        return new ColumnChunk(column, entries, rep, def, ids, strings == null ? null : strings.toArray(), doubles,
                longs, sawNull ? nullFlags : null);
    }

    private void dictionaryPage(PageHeader header, byte[] chunk, int body) {
        if (hasDictionary || filled > 0) {
            throw new CorruptParquetException("a dictionary page that is not the chunk's first page");
        }
        if (header.encoding() != PLAIN && header.encoding() != PLAIN_DICTIONARY) {
            throw new UnsupportedParquetException("dictionary page encoding "
                    + ParquetEncoding.encodingName(header.encoding()) + " in column " + name);
        }
        int n = header.numValues();
        if (n < 0) {
            throw new CorruptParquetException("dictionary page with " + n + " values");
        }
        byte[] data = chunk;
        int p = body;
        int dataEnd = body + header.compressedSize();
        if (!decompressor.isUncompressed()) {
            data = decompressor.decompress(chunk, body, header.compressedSize(), header.uncompressedSize());
            p = 0;
            dataEnd = header.uncompressedSize();
        }
        switch (type) {
            case BYTE_ARRAY -> {
                for (int i = 0; i < n; i++) {
                    int len = PlainValues.byteArrayLength(data, p, dataEnd);
                    strings.appendDictionaryValue(data, p + 4, len);
                    p += 4 + len;
                }
            }
            case FLOAT, DOUBLE -> {
                dictionaryDoubles = new double[n];
                PlainValues.readDoubles(type, data, p, dataEnd, dictionaryDoubles, 0, n);
            }
            default -> {
                dictionaryLongs = new long[n];
                PlainValues.readLongs(type, data, p, dataEnd, dictionaryLongs, 0, n);
            }
        }
        hasDictionary = true;
        dictionarySize = n;
    }

    private void dataPageV1(PageHeader header, byte[] chunk, int body) {
        int n = checkRoom(header.numValues());
        byte[] data = chunk;
        int p = body;
        int dataEnd = body + header.compressedSize();
        if (!decompressor.isUncompressed()) {
            data = decompressor.decompress(chunk, body, header.compressedSize(), header.uncompressedSize());
            p = 0;
            dataEnd = header.uncompressedSize();
        }
        if (maxRep > 0) {
            p = RleBitPackedHybrid.decodeV1Levels(header.repetitionEncoding(), data, p, dataEnd, maxRep, rep, filled,
                    n, "repetition", name);
            checkLevels(rep, n, maxRep, "repetition");
        }
        if (maxDef > 0) {
            p = RleBitPackedHybrid.decodeV1Levels(header.definitionEncoding(), data, p, dataEnd, maxDef, def, filled,
                    n, "definition", name);
        }
        values(header.encoding(), data, p, dataEnd, n);
        filled += n;
    }

    private void dataPageV2(PageHeader header, byte[] chunk, int body) {
        int n = checkRoom(header.numValues());
        int repLength = header.repetitionLevelsLength();
        int defLength = header.definitionLevelsLength();
        if (repLength < 0 || defLength < 0 || (long) repLength + defLength > header.compressedSize()
                || (long) repLength + defLength > header.uncompressedSize()) {
            throw new CorruptParquetException("v2 page level lengths exceed the page size");
        }
        // v2 levels are never compressed and carry no length prefix.
        if (maxRep > 0) {
            RleBitPackedHybrid.decode(chunk, body, body + repLength, RleBitPackedHybrid.bitWidth(maxRep), rep,
                    filled, n);
            checkLevels(rep, n, maxRep, "repetition");
        }
        if (maxDef > 0) {
            RleBitPackedHybrid.decode(chunk, body + repLength, body + repLength + defLength,
                    RleBitPackedHybrid.bitWidth(maxDef), def, filled, n);
        }
        int valuesStart = body + repLength + defLength;
        int storedLength = header.compressedSize() - repLength - defLength;
        int valuesLength = header.uncompressedSize() - repLength - defLength;
        byte[] data = chunk;
        int p = valuesStart;
        int dataEnd = valuesStart + storedLength;
        if (header.valuesCompressed() && !decompressor.isUncompressed()) {
            if (valuesLength > 0) {
                data = decompressor.decompress(chunk, valuesStart, storedLength, valuesLength);
                p = 0;
                dataEnd = valuesLength;
            } else {
                dataEnd = p; // an all-null page: whatever the codec stored for "nothing" holds no values
            }
        }
        values(header.encoding(), data, p, dataEnd, n);
        filled += n;
    }

    private void checkLevels(int[] levels, int n, int max, String kind) {
        for (int e = filled; e < filled + n; e++) {
            if (levels[e] > max || levels[e] < 0) {
                throw new CorruptParquetException(kind + " level " + levels[e] + " exceeds the column's maximum "
                        + max);
            }
        }
    }

    /** Decodes a page's values section for its {@code n} entries (levels already decoded). */
    private void values(int encoding, byte[] data, int p, int end, int n) {
        int defined = markUndefined(n);
        switch (type) {
            case BYTE_ARRAY -> stringValues(encoding, data, p, end, n, defined);
            case FLOAT, DOUBLE -> doubleValues(encoding, data, p, end, n, defined);
            default -> longValues(encoding, data, p, end, n, defined);
        }
    }

    /** @return the number of defined entries among the page's, flagging the others in {@link #nullFlags} */
    private int markUndefined(int n) {
        if (maxDef == 0) {
            return n;
        }
        int defined = 0;
        for (int e = filled; e < filled + n; e++) {
            int level = def[e];
            if (level == maxDef) {
                nullFlags[e] = false; // reused arrays may hold an earlier chunk's flag
                defined++;
            } else if (level >= 0 && level < maxDef) {
                nullFlags[e] = true;
                sawNull = true;
            } else {
                throw new CorruptParquetException("definition level " + level + " exceeds the column's maximum "
                        + maxDef);
            }
        }
        return defined;
    }

    private void stringValues(int encoding, byte[] data, int p, int end, int n, int defined) {
        boolean dense = defined == n;
        int[] target = dense ? ids : scratchIds(defined);
        int base = dense ? filled : 0;
        if (ParquetEncoding.isDictionary(encoding)) {
            dictionaryIds(data, p, end, target, base, defined);
        } else if (encoding == PLAIN) {
            for (int k = 0; k < defined; k++) {
                int len = PlainValues.byteArrayLength(data, p, end);
                target[base + k] = strings.intern(data, p + 4, len);
                p += 4 + len;
            }
        } else if (encoding == DELTA_LENGTH_BYTE_ARRAY) {
            DeltaByteArrays.decodeLengths(data, p, end, strings, target, base, defined);
        } else if (encoding == DELTA_BYTE_ARRAY) {
            DeltaByteArrays.decodeIncremental(data, p, end, strings, target, base, defined);
        } else {
            throw unsupportedEncoding(encoding);
        }
        if (!dense) {
            for (int e = filled, k = 0; e < filled + n; e++) {
                ids[e] = nullFlags[e] ? -1 : target[k++];
            }
        }
    }

    private void longValues(int encoding, byte[] data, int p, int end, int n, int defined) {
        boolean dense = defined == n;
        long[] target = dense ? longs : scratchLongs(defined);
        int base = dense ? filled : 0;
        if (ParquetEncoding.isDictionary(encoding)) {
            if (dictionaryLongs == null) {
                throw new CorruptParquetException("a dictionary-encoded page without a dictionary page");
            }
            int[] dictIds = scratchIds(defined);
            dictionaryIds(data, p, end, dictIds, 0, defined);
            for (int k = 0; k < defined; k++) {
                target[base + k] = dictionaryLongs[dictIds[k]];
            }
        } else if (encoding == PLAIN) {
            PlainValues.readLongs(type, data, p, end, target, base, defined);
        } else if (encoding == DELTA_BINARY_PACKED
                && (type == PhysicalType.INT32 || type == PhysicalType.INT64)) {
            DeltaBinaryPacked.decode(data, p, end, target, base, defined);
            if (type == PhysicalType.INT32) {
                // INT32 deltas wrap at 32 bits; the 64-bit sums agree modulo 2^32.
                for (int k = base; k < base + defined; k++) {
                    target[k] = (int) target[k];
                }
            }
        } else if (encoding == BYTE_STREAM_SPLIT
                && (type == PhysicalType.INT32 || type == PhysicalType.INT64)) {
            PlainValues.readByteStreamSplit(type, data, p, end, target, null, base, defined);
        } else if (encoding == RLE && type == PhysicalType.BOOLEAN) {
            // RLE booleans (v2 pages) carry a 4-byte length prefix, unlike dictionary ids.
            if (4 > end - p) {
                throw new CorruptParquetException("RLE boolean values are truncated");
            }
            int length = PlainValues.readInt(data, p);
            if (length < 0 || length > end - p - 4) {
                throw new CorruptParquetException("RLE boolean values declare " + length + " bytes, the page has "
                        + (end - p - 4));
            }
            int[] bits = scratchIds(defined);
            RleBitPackedHybrid.decode(data, p + 4, p + 4 + length, 1, bits, 0, defined);
            for (int k = 0; k < defined; k++) {
                target[base + k] = bits[k];
            }
        } else {
            throw unsupportedEncoding(encoding);
        }
        if (!dense) {
            for (int e = filled, k = 0; e < filled + n; e++) {
                longs[e] = nullFlags[e] ? 0 : target[k++];
            }
        }
    }

    private void doubleValues(int encoding, byte[] data, int p, int end, int n, int defined) {
        boolean dense = defined == n;
        double[] target = dense ? doubles : scratchDoubles(defined);
        int base = dense ? filled : 0;
        if (ParquetEncoding.isDictionary(encoding)) {
            if (dictionaryDoubles == null) {
                throw new CorruptParquetException("a dictionary-encoded page without a dictionary page");
            }
            int[] dictIds = scratchIds(defined);
            dictionaryIds(data, p, end, dictIds, 0, defined);
            for (int k = 0; k < defined; k++) {
                target[base + k] = dictionaryDoubles[dictIds[k]];
            }
        } else if (encoding == PLAIN) {
            PlainValues.readDoubles(type, data, p, end, target, base, defined);
        } else if (encoding == BYTE_STREAM_SPLIT) {
            PlainValues.readByteStreamSplit(type, data, p, end, null, target, base, defined);
        } else {
            throw unsupportedEncoding(encoding);
        }
        if (!dense) {
            for (int e = filled, k = 0; e < filled + n; e++) {
                doubles[e] = nullFlags[e] ? 0 : target[k++];
            }
        }
    }

    /** Dictionary ids: one byte of bit width, then the hybrid-encoded ids; each checked against the dictionary. */
    private void dictionaryIds(byte[] data, int p, int end, int[] out, int offset, int count) {
        if (!hasDictionary) {
            throw new CorruptParquetException("a dictionary-encoded page without a dictionary page");
        }
        if (count == 0) {
            return;
        }
        if (p >= end) {
            throw new CorruptParquetException("dictionary ids are missing");
        }
        int bitWidth = data[p] & 0xFF;
        RleBitPackedHybrid.decode(data, p + 1, end, bitWidth, out, offset, count);
        int limit = dictionarySize;
        for (int i = offset; i < offset + count; i++) {
            if (Integer.compareUnsigned(out[i], limit) >= 0) {
                throw new CorruptParquetException("dictionary id " + Integer.toUnsignedString(out[i])
                        + " is outside the dictionary of " + limit + " values");
            }
        }
    }

    private int checkRoom(int n) {
        if (n < 0 || n > entries - filled) {
            throw new CorruptParquetException("the pages hold more than the " + entries
                    + " values the chunk metadata declares");
        }
        return n;
    }

    private UnsupportedParquetException unsupportedEncoding(int encoding) {
        return new UnsupportedParquetException("encoding " + ParquetEncoding.encodingName(encoding) + " in column "
                + name);
    }

    private int[] scratchIds(int n) {
        if (scratchIds.length < n) {
            scratchIds = new int[Math.max(n, scratchIds.length * 2)];
        }
        return scratchIds;
    }

    private long[] scratchLongs(int n) {
        if (scratchLongs.length < n) {
            scratchLongs = new long[Math.max(n, scratchLongs.length * 2)];
        }
        return scratchLongs;
    }

    private double[] scratchDoubles(int n) {
        if (scratchDoubles.length < n) {
            scratchDoubles = new double[Math.max(n, scratchDoubles.length * 2)];
        }
        return scratchDoubles;
    }
}
