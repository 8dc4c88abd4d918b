package dev.sluice.files.format;

import java.util.Arrays;

/**
 * The dictionary of one leaf column's chunk: its distinct values in order of first appearance,
 * PLAIN-encoded as the dictionary page stores them (a BYTE_ARRAY value behind its 4-byte length,
 * other types as they are), found in an open-addressing hash table by their PLAIN bytes, or for
 * numbers by their value. It stops
 * taking values at {@link #MAX_BYTES} of entries or {@link #MAX_ENTRIES} entries; the column then
 * falls back to PLAIN.
 */
final class ParquetDictionary {
    /** The most bytes the dictionary page holds (uncompressed). */
    static final int MAX_BYTES = 1 << 20;
    /** The most entries: indexes of at most 16 bits. */
    static final int MAX_ENTRIES = 1 << 16;

    private final boolean lengthPrefixed;
    private final ByteSink entries = new ByteSink(1024);
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    /** Each entry's value as a number, for INT32, INT64, FLOAT and DOUBLE columns. */
    private long[] numbers = new long[0];
    /** Entry + 1 in each used slot, 0 in a free one. */
    private int[] table = new int[128];
    private int size;

    /** {@code lengthPrefixed} for BYTE_ARRAY. */
    ParquetDictionary(boolean lengthPrefixed) {
        this.lengthPrefixed = lengthPrefixed;
    }

    /** The entry of {@code b[off..off+len)}, added if new; -1 when adding it would pass the limits. */
    int index(byte[] b, int off, int len) {
        int hash = hash(b, off, len);
        int mask = table.length - 1;
        int slot = hash & mask;
        byte[] held = entries.array();
        for (int e = table[slot]; e != 0; e = table[slot]) {
            int i = e - 1;
            if (hashes[i] == hash && lengths[i] == len
                    && Arrays.equals(held, starts[i], starts[i] + len, b, off, off + len)) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_ENTRIES || entries.size() + len + (lengthPrefixed ? 4 : 0) > MAX_BYTES) {
            return -1;
        }
        if (lengthPrefixed) {
            entries.writeIntLE(len);
        }
        int start = entries.size();
        entries.write(b, off, len);
        return added(start, len, hash, slot);
    }

    /** Records the entry just appended at {@code start} in free {@code slot}; its index. */
    private int added(int start, int len, int hash, int slot) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        starts[size] = start;
        lengths[size] = len;
        hashes[size] = hash;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            grow();
        }
        return size - 1;
    }

    /**
     * The entry of a 4- or 8-byte number ({@code width}), added if new, PLAIN as {@code width}
     * little-endian bytes; -1 when adding it would pass the limits. A column takes either numbers
     * or byte arrays.
     */
    int index(long v, int width) {
        int hash = mix((int) (v ^ (v >>> 32)) * 0x9E3779B9);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (int e = table[slot]; e != 0; e = table[slot]) {
            if (numbers[e - 1] == v) {
                return e - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_ENTRIES || entries.size() + width > MAX_BYTES) {
            return -1;
        }
        if (size >= numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(64, size * 2));
        }
        numbers[size] = v;
        int start = entries.size();
        if (width == 4) {
            entries.writeIntLE((int) v);
        } else {
            entries.writeLongLE(v);
        }
        return added(start, width, hash, slot);
    }

    /** Entries held. */
    int size() {
        return size;
    }

    /** The dictionary page's PLAIN-encoded entries: {@link #bytes()} of them. */
    byte[] array() {
        return entries.array();
    }

    int bytes() {
        return entries.size();
    }

    /** The memory the dictionary holds: entries, their offsets, lengths and hashes, and the table. */
    long memory() {
        return entries.size() + 12L * starts.length + 8L * numbers.length + 4L * table.length;
    }

    /** Appends entry {@code i} PLAIN-encoded. */
    void writePlain(int i, ByteSink out) {
        if (lengthPrefixed) {
            out.writeIntLE(lengths[i]);
        }
        out.write(entries.array(), starts[i], lengths[i]);
    }

    /** Forgets every entry and lets go of the memory they took. */
    void clear() {
        if (table.length > 128) {
            table = new int[128];
            starts = new int[64];
            lengths = new int[64];
            hashes = new int[64];
            numbers = new long[0];
        } else if (size > 0) {
            Arrays.fill(table, 0);
        }
        size = 0;
        entries.release(1024);
    }

    private void grow() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hashes[i] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        return mix(h * 0x9E3779B9);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
