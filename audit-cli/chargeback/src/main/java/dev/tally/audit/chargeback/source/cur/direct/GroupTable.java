package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums per group key, where a key is a fixed number of int ids ({@link StringIds#NULL} allowed); adding a line item
 * allocates nothing.
 *
 * <p>Laid out for the cache, because a month of line items hits tens of thousands of groups in random order: an
 * open-addressing table in one {@code long[]} whose slot holds the line item count (0 = empty slot), the sum and the
 * key packed three ids to a long (21 bits each), so finding and updating a group touches one or two cache lines.
 * An id past 21 bits (two million distinct values in one aggregation) ends the direct attempt.
 *
 * <p>Amounts are exact integers (units of 10<sup>-10</sup>); a sum that would overflow a {@code long} carries on in a
 * {@link BigInteger}.
 */
final class GroupTable {
    private static final int BITS = 21;
    private static final long FIELD = (1L << BITS) - 1;
    private static final int COUNT = 0;
    private static final int SUM = 1;
    private static final int KEY = 2;
    private final int width;
    private final int keyLongs;
    private final int stride;
    private final long[] packed;
    private long[] table;
    private int mask;
    private int size;
    /** Slot to the part of its sum beyond the long in the table; almost always empty. */
    private Map<Integer, BigInteger> overflow = new HashMap<>();

    GroupTable(int width) {
        this.width = width;
        this.keyLongs = (width + 2) / 3;
        this.stride = KEY + keyLongs;
        this.packed = new long[keyLongs];
        allocate(1024);
    }

    int size() {
        return size;
    }

    /** Adds {@code amount} (10<sup>-10</sup> units) and {@code lineItems} to the group {@code key}. */
    void add(int[] key, long amount, long lineItems) {
        pack(key, packed);
        int base = slotOf(packed) * stride;
        long sum = table[base + SUM];
        long result = sum + amount;
        // Overflow iff both operands have the sign the result lacks (Math.addExact without the exception).
        if (((sum ^ result) & (amount ^ result)) < 0) {
            overflow.merge(base / stride, BigInteger.valueOf(sum).add(BigInteger.valueOf(amount)), BigInteger::add);
            result = 0;
        }
        table[base + SUM] = result;
        table[base + COUNT] += lineItems;
    }

    /** Adds every group of {@code other} (same width) into this table. */
    void addAll(GroupTable other) {
        long[] key = new long[keyLongs];
        for (int slot = 0; slot < other.table.length / stride; slot++) {
            int theirs = slot * stride;
            if (other.table[theirs + COUNT] != 0) {
                System.arraycopy(other.table, theirs + KEY, key, 0, keyLongs);
                int mine = slotOf(key);
                setSum(mine, sumOf(mine).add(other.sumOf(slot)));
                table[mine * stride + COUNT] += other.table[theirs + COUNT];
            }
        }
    }

    /** Visits every group: its key (a reused array), exact sum in 10<sup>-10</sup> units, and line items. */
    void forEach(GroupVisitor visitor) {
        int[] key = new int[width];
        for (int slot = 0; slot < table.length / stride; slot++) {
            int base = slot * stride;
            if (table[base + COUNT] != 0) {
                for (int i = 0; i < width; i++) {
                    key[i] = (int) ((table[base + KEY + i / 3] >>> (BITS * (i % 3))) & FIELD) - 1;
                }
                visitor.visit(key, sumOf(slot), table[base + COUNT]);
            }
        }
    }

    interface GroupVisitor {
        void visit(int[] key, BigInteger sum, long lineItems);
    }

    private void pack(int[] key, long[] into) {
        for (int i = 0; i < keyLongs; i++) {
            into[i] = 0;
        }
        for (int i = 0; i < width; i++) {
            long id = key[i] + 1L; // NULL (-1) packs as 0
            if (id > FIELD - 1 || id < 0) {
                throw new UnsupportedParquetException("more than two million distinct values in one aggregation");
            }
            into[i / 3] |= id << (BITS * (i % 3));
        }
    }

    private BigInteger sumOf(int slot) {
        BigInteger extra = overflow.get(slot);
        BigInteger sum = BigInteger.valueOf(table[slot * stride + SUM]);
        return extra == null ? sum : sum.add(extra);
    }

    private void setSum(int slot, BigInteger sum) {
        if (sum.bitLength() < 64) {
            table[slot * stride + SUM] = sum.longValue();
            overflow.remove(slot);
        } else {
            table[slot * stride + SUM] = 0;
            overflow.put(slot, sum);
        }
    }

    /**
     * The slot of {@code key}, claimed if the key is new. A claimed slot's count is still 0, which reads as empty:
     * every caller adds a positive count to it at once.
     */
    private int slotOf(long[] key) {
        int slot = hash(key) & mask;
        while (true) {
            int base = slot * stride;
            if (table[base + COUNT] == 0) {
                if ((size + 1) * 2 > mask + 1) {
                    grow();
                    return slotOf(key);
                }
                System.arraycopy(key, 0, table, base + KEY, keyLongs);
                size++;
                return slot;
            }
            if (matches(base, key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int base, long[] key) {
        for (int i = 0; i < keyLongs; i++) {
            if (table[base + KEY + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(long[] key) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : key) {
            h = (h ^ part) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] old = table;
        Map<Integer, BigInteger> oldOverflow = overflow;
        int slots = old.length / stride;
        allocate(slots * 2);
        long[] key = new long[keyLongs];
        for (int slot = 0; slot < slots; slot++) {
            int base = slot * stride;
            if (old[base + COUNT] != 0) {
                System.arraycopy(old, base + KEY, key, 0, keyLongs);
                int mine = slotOf(key);
                table[mine * stride + SUM] = old[base + SUM];
                table[mine * stride + COUNT] = old[base + COUNT];
                BigInteger extra = oldOverflow.get(slot);
                if (extra != null) {
                    overflow.put(mine, extra);
                }
            }
        }
    }

    private void allocate(int slots) {
        table = new long[slots * stride];
        mask = slots - 1;
        size = 0;
        overflow = new HashMap<>();
    }
}
