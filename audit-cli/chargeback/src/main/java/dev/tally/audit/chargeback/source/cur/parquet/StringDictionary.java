package dev.tally.audit.chargeback.source.cur.parquet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct strings of one BYTE_ARRAY column chunk, addressed by id. Dictionary-page values are appended as they
 * come (their position is the id data pages refer to); values of PLAIN pages are interned, so equal byte strings get
 * one id — also when they equal a dictionary-page value. A String is created once per distinct value: the byte-level
 * hash index (open addressing over an arena of copied bytes) answers repeats without allocating.
 */
final class StringDictionary {

    private String[] values = new String[16];
    private int size;

    // Byte-level index, built on the first interned value (many chunks are dictionary-only and never need it).
    private int[] slots; // id + 1 per slot, 0 = empty
    private byte[] arena;
    private int arenaUsed;
    private int[] starts;
    private int[] lengths;
    private int[] hashes;

    int size() {
        return size;
    }

    /** Appends a dictionary-page value; its id is its position in the page (the caller adds values in order). */
    void appendDictionaryValue(byte[] buf, int offset, int length) {
        int id = add(decode(buf, offset, length));
        if (slots != null) {
            index(buf, offset, length, id, hash(buf, offset, length));
        }
    }

    /** The id of these bytes, adding them as a new value when unseen. */
    int intern(byte[] buf, int offset, int length) {
        if (slots == null) {
            buildIndex();
        }
        int h = hash(buf, offset, length);
        int mask = slots.length - 1;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            int id = entry - 1;
            if (hashes[id] == h && lengths[id] == length
                    && Arrays.equals(arena, starts[id], starts[id] + length, buf, offset, offset + length)) {
                return id;
            }
        }
        int id = add(decode(buf, offset, length));
        index(buf, offset, length, id, h);
        return id;
    }

    /**
     * Strict UTF-8: a replacement character would merge different byte strings into one group, where DuckDB refuses
     * the file. Once per distinct value, so the strictness costs nothing per row.
     */
    private static String decode(byte[] buf, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedParquetException("a string value that is not valid UTF-8");
        }
    }

    /** The values by id, exactly {@link #size()} long. */
    String[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private int add(String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        return size++;
    }

    private void buildIndex() {
        int capacity = Integer.highestOneBit(Math.max(64, size * 4) - 1) << 1;
        slots = new int[capacity];
        arena = new byte[1024];
        starts = new int[Math.max(16, values.length)];
        lengths = new int[starts.length];
        hashes = new int[starts.length];
        for (int id = 0; id < size; id++) {
            byte[] bytes = values[id].getBytes(StandardCharsets.UTF_8);
            // A dictionary page with duplicates keeps its ids; interning finds the first of them.
            index(bytes, 0, bytes.length, id, hash(bytes, 0, bytes.length));
        }
    }

    private void index(byte[] buf, int offset, int length, int id, int h) {
        if (id >= starts.length) {
            int grown = Math.max(id + 1, starts.length * 2);
            starts = Arrays.copyOf(starts, grown);
            lengths = Arrays.copyOf(lengths, grown);
            hashes = Arrays.copyOf(hashes, grown);
        }
        if (arena.length - arenaUsed < length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, arena.length * 2));
        }
        System.arraycopy(buf, offset, arena, arenaUsed, length);
        starts[id] = arenaUsed;
        lengths[id] = length;
        hashes[id] = h;
        arenaUsed += length;
        if ((id + 1) * 2 > slots.length) {
            rehash(slots.length * 2, id);
        } else {
            place(id, h);
        }
    }

    private void rehash(int capacity, int upToId) {
        slots = new int[capacity];
        for (int id = 0; id <= upToId; id++) {
            place(id, hashes[id]);
        }
    }

    private void place(int id, int h) {
        int mask = slots.length - 1;
        int slot = h & mask;
        while (slots[slot] != 0) {
            int existing = slots[slot] - 1;
            if (existing == id) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    }

    /** Eight bytes per step (little-endian words), then the tail: resource ids and ARNs are 20-80 bytes long. */
    private static int hash(byte[] buf, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft(h ^ PlainValues.readLong(buf, i), 29) * 0xBF58476D1CE4E5B9L;
        }
        for (; i < end; i++) {
            h = (h ^ (buf[i] & 0xFF)) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }
}
