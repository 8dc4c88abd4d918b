package dev.sluice.files.format;

import java.util.Arrays;

/**
 * The values of one leaf column's open page, and the encoding of its chunk's values. Values of
 * every type but BOOLEAN are first dictionary-encoded: the chunk's {@link ParquetDictionary} takes
 * them and the page keeps their indexes, written RLE_DICTIONARY (the bit width in one byte, then the
 * indexes RLE/bit-packed). The chunk falls back to PLAIN for the rest of it, the open page
 * included, when the dictionary would pass its limits, when it holds more than one entry for every
 * {@value #VALUES_PER_ENTRY} values, or when the chunk's values so far would be no smaller
 * dictionary-encoded (the dictionary and every index) than PLAIN, judged every {@value #SAMPLE}
 * values of a page (indexes estimated at the current bit width) and when a page closes; a
 * dictionary no page uses is dropped. The ratio keeps columns of many distinct values PLAIN, where
 * the page's compression does better than indexes, which barely compress (measured on the test
 * source's lists: dictionary-encoded and snappy-compressed, 55 % larger than PLAIN and snappy).
 * Booleans are PLAIN, bit-packed.
 */
final class ParquetPageValues {
    // what taking a value gives: whether it entered the dictionary, was in it, or was written PLAIN
    static final int NEW = 1;
    static final int KNOWN = 0;
    static final int PLAIN_VALUE = -1;
    // Parquet's Encoding
    static final int PLAIN = 0;
    static final int RLE_DICTIONARY = 8;
    /** The values of a chunk's first page after which a dictionary that does not pay is dropped. */
    private static final int SAMPLE = 10_000;
    /** Values per dictionary entry below which the dictionary is dropped. */
    private static final int VALUES_PER_ENTRY = 10;

    private final ParquetDictionary dictionary;
    private final ByteSink values = new ByteSink(1024);
    private int bits;
    private int bitCount;
    /** Fallen back to PLAIN (or no dictionary) for the rest of the chunk. */
    private boolean plain;
    private int[] indexes = new int[64];
    private int indexCount;
    /** The PLAIN size of the open page's dictionary-encoded values. */
    private long plainBytes;
    /** The PLAIN size of the values of the chunk's closed dictionary-encoded pages, and their encoded size. */
    private long closedPlainBytes;
    private long closedEncodedBytes;
    private long closedValues;
    private int dictionaryPages;

    /** For a leaf of Parquet physical type {@code type}. */
    ParquetPageValues(int type) {
        this.dictionary = type == ParquetSchema.BOOLEAN ? null : new ParquetDictionary(type == ParquetSchema.BYTE_ARRAY);
        this.plain = dictionary == null;
    }

    void bool(boolean v) {
        bits |= (v ? 1 : 0) << bitCount;
        if (++bitCount == 8) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
    }

    int int32(int v) {
        if (!plain) {
            int entries = dictionary.size();
            int e = kept(dictionary.index(v, 4), entries, 4);
            if (e != PLAIN_VALUE) {
                return e;
            }
        }
        values.writeIntLE(v);
        return PLAIN_VALUE;
    }

    int int64(long v) {
        if (!plain) {
            int entries = dictionary.size();
            int e = kept(dictionary.index(v, 8), entries, 8);
            if (e != PLAIN_VALUE) {
                return e;
            }
        }
        values.writeLongLE(v);
        return PLAIN_VALUE;
    }

    /** A BYTE_ARRAY value; PLAIN: its length, then its bytes. */
    int bytes(byte[] v) {
        if (!plain) {
            int entries = dictionary.size();
            int e = kept(dictionary.index(v, 0, v.length), entries, 4L + v.length);
            if (e != PLAIN_VALUE) {
                return e;
            }
        }
        values.writeIntLE(v.length);
        values.write(v);
        return PLAIN_VALUE;
    }

    /** A FIXED_LEN_BYTE_ARRAY value. */
    int fixed(byte[] v) {
        if (!plain) {
            int entries = dictionary.size();
            int e = kept(dictionary.index(v, 0, v.length), entries, v.length);
            if (e != PLAIN_VALUE) {
                return e;
            }
        }
        values.write(v);
        return PLAIN_VALUE;
    }

    /** The memory the open page's values take: PLAIN bytes, and 4 bytes an index. */
    long openBytes() {
        return values.size() + 4L * indexCount;
    }

    /** The memory the dictionary takes. */
    long dictionaryBytes() {
        return dictionary == null ? 0 : dictionary.memory();
    }

    /**
     * Appends the open page's values to {@code page} and starts the next page; gives their encoding,
     * {@link #PLAIN} or {@link #RLE_DICTIONARY}.
     */
    int closePage(ByteSink page) {
        if (bitCount > 0) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
        int valuesAt = page.size();
        if (!plain) {
            int width = Math.max(1, LevelEncoder.width(Math.max(0, dictionary.size() - 1)));
            page.write(width);
            LevelEncoder.encode(indexes, indexCount, width, page);
            if (!worthIt(page.size() - valuesAt)) {
                // the chunk so far is no smaller dictionary-encoded: this page and the rest PLAIN
                page.truncate(valuesAt);
                fallBack();
            }
        }
        if (plain) {
            page.write(values.array(), 0, values.size());
        } else {
            dictionaryPages++;
            closedPlainBytes += plainBytes;
            closedEncodedBytes += page.size() - valuesAt;
            closedValues += indexCount;
        }
        values.reset();
        indexCount = 0;
        plainBytes = 0;
        return plain ? PLAIN : RLE_DICTIONARY;
    }

    /** The dictionary the chunk's closed pages use, or null when none does. */
    ParquetDictionary usedDictionary() {
        return dictionaryPages > 0 ? dictionary : null;
    }

    /** Forgets the chunk (its pages closed): the next one starts with an empty dictionary. */
    void endChunk() {
        if (dictionary != null) {
            dictionary.clear();
            plain = false;
        }
        dictionaryPages = 0;
        closedPlainBytes = 0;
        closedEncodedBytes = 0;
        closedValues = 0;
    }

    /**
     * Keeps a value's dictionary {@code index} ({@link #NEW} when the dictionary held fewer than
     * {@code entries} before, {@link #KNOWN} otherwise); {@link #PLAIN_VALUE}, having fallen back,
     * when the index is -1 (the dictionary full).
     */
    private int kept(int index, int entries, long plainLength) {
        if (index < 0) {
            fallBack();
            return PLAIN_VALUE;
        }
        if (indexCount == indexes.length) {
            indexes = Arrays.copyOf(indexes, indexCount * 2);
        }
        indexes[indexCount++] = index;
        plainBytes += plainLength;
        int result = dictionary.size() > entries ? NEW : KNOWN;
        if (indexCount % SAMPLE == 0
                && !worthIt((long) indexCount * LevelEncoder.width(dictionary.size() - 1) / 8)) {
            fallBack();
        }
        return result;
    }

    /**
     * Whether the dictionary holds at most one entry for {@value #VALUES_PER_ENTRY} of the chunk's
     * values so far, and they take less dictionary-encoded (the dictionary, the closed pages'
     * encoded indexes and {@code indexBytes} of the open page's) than PLAIN.
     */
    private boolean worthIt(long indexBytes) {
        return (long) dictionary.size() * VALUES_PER_ENTRY <= closedValues + indexCount
                && dictionary.bytes() + closedEncodedBytes + indexBytes < closedPlainBytes + plainBytes;
    }

    /**
     * PLAIN from now on in this chunk: the open page's values so far are rewritten PLAIN; the
     * dictionary is dropped unless a closed page uses it.
     */
    private void fallBack() {
        for (int i = 0; i < indexCount; i++) {
            dictionary.writePlain(indexes[i], values);
        }
        indexCount = 0;
        plainBytes = 0;
        plain = true;
        if (dictionaryPages == 0) {
            dictionary.clear();
        }
    }
}
