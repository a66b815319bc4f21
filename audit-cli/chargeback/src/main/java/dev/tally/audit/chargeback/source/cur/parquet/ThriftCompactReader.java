package dev.tally.audit.chargeback.source.cur.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cursor over Thrift compact-protocol bytes, just enough to read Parquet's footer and page headers. Struct readers
 * loop over {@link #nextField(int)} and {@link #skip(int)} every field they do not know, which is what keeps files
 * from newer writers readable. Every read is bounds-checked and fails with {@link CorruptParquetException}.
 */
final class ThriftCompactReader {

    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int BYTE = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    /** Thrift structs nest only a few levels in Parquet; anything deeper is garbage, not data. */
    private static final int MAX_DEPTH = 64;

    private final byte[] buf;
    private final int limit;
    private int pos;
    private int fieldId;
    private int fieldType;
    private int listElementType;
    private int depth;

    ThriftCompactReader(byte[] buf, int offset, int limit) {
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    /**
     * Advances to the next field of the current struct.
     *
     * @param lastFieldId the id of the previous field of this struct (0 at its start): compact headers are deltas
     * @return false at the struct's STOP byte
     */
    boolean nextField(int lastFieldId) {
        int header = readByte() & 0xFF;
        if (header == 0) {
            return false;
        }
        int delta = header >>> 4;
        fieldType = header & 0x0F;
        fieldId = delta == 0 ? readI16() : lastFieldId + delta;
        return true;
    }

    int fieldId() {
        return fieldId;
    }

    int fieldType() {
        return fieldType;
    }

    /** A struct field's boolean lives in its type nibble. */
    boolean fieldBoolean() {
        return fieldType == BOOLEAN_TRUE;
    }

    byte readByte() {
        if (pos >= limit) {
            throw new CorruptParquetException("thrift data ends unexpectedly at byte " + pos);
        }
        return buf[pos++];
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new CorruptParquetException("thrift varint longer than 10 bytes at byte " + pos);
    }

    short readI16() {
        return (short) readI64();
    }

    int readI32() {
        long v = readI64();
        return (int) v;
    }

    long readI64() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    double readDouble() {
        require(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    byte[] readBinary() {
        long length = readVarLong();
        if (length < 0 || length > limit - pos) {
            throw new CorruptParquetException("thrift binary of " + length + " bytes runs past the end of its data");
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(buf, pos, out, 0, out.length);
        pos += out.length;
        return out;
    }

    String readString() {
        return new String(readBinary(), StandardCharsets.UTF_8);
    }

    /** Reads a list header; the element type is then {@link #listElementType()}. */
    int readListSize() {
        int header = readByte() & 0xFF;
        listElementType = header & 0x0F;
        long size = header >>> 4;
        if (size == 15) {
            size = readVarLong();
        }
        // Every element takes at least one byte, except in lists of empty structs which Parquet never writes.
        if (size < 0 || size > limit - pos + 1L) {
            throw new CorruptParquetException("thrift list of " + size + " elements cannot fit in its data");
        }
        return (int) size;
    }

    /** Reads a field of wire type {@code fieldType}, which must be a list, element by element. */
    <T> List<T> readList(int fieldType, Supplier<T> element) {
        expect(fieldType, LIST);
        int size = readListSize();
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    int listElementType() {
        return listElementType;
    }

    /** Checks a known field has the wire type Parquet declares, so a garbled header is not misread as data. */
    void expect(int actualType, int expectedType) {
        boolean bothBoolean = isBoolean(actualType) && isBoolean(expectedType);
        if (actualType != expectedType && !bothBoolean) {
            throw new CorruptParquetException("thrift field " + fieldId + " has wire type " + actualType
                    + ", expected " + expectedType);
        }
    }

    /** Skips one value of a wire type (a field's value, or a list element). */
    void skip(int type) {
        switch (type) {
            case BOOLEAN_TRUE, BOOLEAN_FALSE -> {
                // In a struct the value is in the header nibble; list elements are skipped in skipList.
            }
            case BYTE -> readByte();
            case I16, I32, I64 -> readVarLong();
            case DOUBLE -> {
                require(8);
                pos += 8;
            }
            case BINARY -> {
                long length = readVarLong();
                if (length < 0 || length > limit - pos) {
                    throw new CorruptParquetException("thrift binary of " + length + " bytes runs past its data");
                }
                pos += (int) length;
            }
            case LIST, SET -> skipList();
            case MAP -> skipMap();
            case STRUCT -> skipStruct();
            default -> throw new CorruptParquetException("unknown thrift wire type " + type + " at byte " + pos);
        }
    }

    void skipStruct() {
        enter();
        int last = 0;
        while (nextField(last)) {
            last = fieldId;
            skip(fieldType);
        }
        depth--;
    }

    private void skipList() {
        int size = readListSize();
        int elementType = listElementType;
        enter();
        for (int i = 0; i < size; i++) {
            if (isBoolean(elementType)) {
                readByte(); // list booleans take a whole byte each
            } else {
                skip(elementType);
            }
        }
        depth--;
    }

    private void skipMap() {
        long size = readVarLong();
        if (size == 0) {
            return;
        }
        int types = readByte() & 0xFF;
        int keyType = types >>> 4;
        int valueType = types & 0x0F;
        enter();
        for (long i = 0; i < size; i++) {
            skipElement(keyType);
            skipElement(valueType);
        }
        depth--;
    }

    private void skipElement(int type) {
        if (isBoolean(type)) {
            readByte();
        } else {
            skip(type);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new CorruptParquetException("thrift structures nested deeper than " + MAX_DEPTH);
        }
    }

    private void require(int bytes) {
        if (bytes > limit - pos) {
            throw new CorruptParquetException("thrift data ends unexpectedly at byte " + pos);
        }
    }

    private static boolean isBoolean(int type) {
        return type == BOOLEAN_TRUE || type == BOOLEAN_FALSE;
    }
}
