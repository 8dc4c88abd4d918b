package dev.sluice.files.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One leaf column's chunk of the current row group: levels and values buffered for the open page,
 * the chunk's {@link ParquetStatistics} gathered as they come; a page of about {@link #PAGE_BYTES}
 * is closed at a row's end (so pages start at row boundaries), compressed whole and kept with its
 * header (a version 1 data page: repetition then definition levels, each RLE/bit-packed behind a
 * 4-byte length, then the values) until the row group is written out.
 *
 * <p>Values of every type but BOOLEAN are first dictionary-encoded: the chunk's
 * {@link ParquetDictionary} takes them and the page keeps their indexes, written RLE_DICTIONARY
 * (the bit width in one byte, then the indexes RLE/bit-packed); the chunk then starts with the
 * dictionary page (PLAIN). The chunk falls back to PLAIN values for the rest of it, the open page
 * included, when the dictionary would pass its limits, or when its first page would be no smaller
 * dictionary-encoded (dictionary and indexes) than PLAIN, judged after the page's first
 * {@value #SAMPLE} values (indexes estimated at the current bit width) and again when it closes;
 * a dictionary no page uses is dropped and not written.
 */
final class ParquetColumn {
    /** A page is closed at the end of the row that takes its buffered bytes to this many. */
    static final int PAGE_BYTES = 1 << 20;
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int RLE_DICTIONARY = 8;
    /** The values of a chunk's first page after which a dictionary that does not pay is dropped. */
    private static final int SAMPLE = 10_000;
    private static final int NEW = 1;
    private static final int KNOWN = 0;
    private static final int FELL_BACK = -1;

    /**
     * Where a written column chunk is and what it holds, for the footer: {@code offset} is its first
     * page's, {@code dictionaryPages} 0 or 1; data pages are counted by encoding.
     */
    record Chunk(long offset, long dataPageOffset, long values, long uncompressedBytes, long compressedBytes,
                 int dictionaryPages, int dictionaryDataPages, int plainDataPages, ParquetStatistics.Chunk statistics) {
    }

    private final ParquetSchema.Leaf leaf;
    private final ParquetCodecs.PageCompressor compressor;
    private final ParquetStatistics statistics;
    /**
     * Whether every value goes to the statistics (a float's, for the NaN count), not only the
     * first of equal dictionary-encoded values, which cannot move min or max.
     */
    private final boolean statisticsOfEach;
    private final ParquetDictionary dictionary;
    private final int definitionWidth;
    private final int repetitionWidth;
    private final int levelBytes;
    private final ByteSink values = new ByteSink(1024);
    private final byte[] scratch = new byte[8];
    private byte[] definitions = new byte[64];
    private byte[] repetitions = new byte[64];
    private int levels;
    private int bits;
    private int bitCount;
    /** Fallen back to PLAIN (or no dictionary) for the rest of the chunk. */
    private boolean plain;
    private int[] indexes = new int[64];
    private int indexCount;
    /** The PLAIN size of the open page's dictionary-encoded values. */
    private long plainBytes;
    private int dictionaryDataPages;
    private int plainDataPages;
    private final ByteSink page;
    private final ByteSink compressed;
    private final ByteSink chunk = new ByteSink(1024);
    private long chunkValues;
    private long chunkUncompressed;

    /**
     * {@code page} and {@code compressed} are scratch buffers a page is assembled and compressed in
     * while it is closed: the encoder's columns share them.
     */
    ParquetColumn(ParquetSchema.Leaf leaf, ParquetCodecs.PageCompressor compressor, ByteSink page, ByteSink compressed) {
        this.leaf = leaf;
        this.compressor = compressor;
        this.statistics = new ParquetStatistics(leaf);
        this.statisticsOfEach = leaf.type() == ParquetSchema.FLOAT || leaf.type() == ParquetSchema.DOUBLE;
        this.dictionary = leaf.type() == ParquetSchema.BOOLEAN ? null
                : new ParquetDictionary(leaf.type() == ParquetSchema.BYTE_ARRAY);
        this.plain = dictionary == null;
        this.page = page;
        this.compressed = compressed;
        this.definitionWidth = LevelEncoder.width(leaf.maxDefinition());
        this.repetitionWidth = LevelEncoder.width(leaf.maxRepetition());
        this.levelBytes = (definitionWidth > 0 ? 1 : 0) + (repetitionWidth > 0 ? 1 : 0);
    }

    ParquetSchema.Leaf leaf() {
        return leaf;
    }

    /** No value at these levels: a null, an empty list or a null element. */
    void none(int repetition, int definition) {
        level(repetition, definition);
        statistics.none();
    }

    void bool(int repetition, int definition, boolean v) {
        level(repetition, definition);
        statistics.bool(v);
        bits |= (v ? 1 : 0) << bitCount;
        if (++bitCount == 8) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
    }

    void int32(int repetition, int definition, int v) {
        level(repetition, definition);
        if (!plain) {
            scratch[0] = (byte) v;
            scratch[1] = (byte) (v >>> 8);
            scratch[2] = (byte) (v >>> 16);
            scratch[3] = (byte) (v >>> 24);
            int e = encoded(scratch, 0, 4, 4);
            if (e != FELL_BACK) {
                if (e == NEW || statisticsOfEach) {
                    statistics.int32(v);
                }
                return;
            }
        }
        statistics.int32(v);
        values.writeIntLE(v);
    }

    void int64(int repetition, int definition, long v) {
        level(repetition, definition);
        if (!plain) {
            for (int i = 0; i < 8; i++) {
                scratch[i] = (byte) (v >>> (8 * i));
            }
            int e = encoded(scratch, 0, 8, 8);
            if (e != FELL_BACK) {
                if (e == NEW || statisticsOfEach) {
                    statistics.int64(v);
                }
                return;
            }
        }
        statistics.int64(v);
        values.writeLongLE(v);
    }

    /** A BYTE_ARRAY value: its length, then its bytes. */
    void bytes(int repetition, int definition, byte[] v) {
        level(repetition, definition);
        if (!plain) {
            int e = encoded(v, 0, v.length, 4L + v.length);
            if (e != FELL_BACK) {
                if (e == NEW) {
                    statistics.bytes(v);
                }
                return;
            }
        }
        statistics.bytes(v);
        values.writeIntLE(v.length);
        values.write(v);
    }

    /** A FIXED_LEN_BYTE_ARRAY value of the leaf's length. */
    void fixed(int repetition, int definition, byte[] v) {
        level(repetition, definition);
        if (!plain) {
            int e = encoded(v, 0, v.length, v.length);
            if (e != FELL_BACK) {
                if (e == NEW) {
                    statistics.bytes(v);
                }
                return;
            }
        }
        statistics.bytes(v);
        values.write(v);
    }

    /**
     * The bytes held for the row group: closed pages, compressed, the open page (a dictionary index
     * as the 4 bytes it takes in memory) and the dictionary.
     */
    long bufferedBytes() {
        return chunk.size() + openPageBytes() + (dictionary == null ? 0 : dictionary.memory());
    }

    /** Ends a row: closes the page when it is full. */
    void endRow() throws IOException {
        if (openPageBytes() >= PAGE_BYTES) {
            closePage();
        }
    }

    /**
     * Writes the row group's chunk of this column to {@code out} at {@code offset} (the dictionary
     * page first when a data page uses it), and forgets it.
     */
    Chunk writeChunk(OutputStream out, long offset) throws IOException {
        closePage();
        long dictionaryBytes = 0;
        long dictionaryUncompressed = 0;
        int dictionaryPages = dictionaryDataPages > 0 ? 1 : 0;
        if (dictionaryPages > 0) {
            compressed.reset();
            compressor.compress(dictionary.array(), dictionary.bytes(), compressed);
            ByteSink header = new ByteSink(32);
            new ThriftCompact(header).structBegin()
                    .i32Field(1, DICTIONARY_PAGE)
                    .i32Field(2, dictionary.bytes())
                    .i32Field(3, compressed.size())
                    .structField(7)
                    .i32Field(1, dictionary.size())
                    .i32Field(2, PLAIN)
                    .structEnd()
                    .structEnd();
            header.writeTo(out);
            compressed.writeTo(out);
            dictionaryBytes = header.size() + compressed.size();
            dictionaryUncompressed = header.size() + dictionary.bytes();
        }
        chunk.writeTo(out);
        Chunk written = new Chunk(offset, offset + dictionaryBytes, chunkValues, dictionaryUncompressed + chunkUncompressed,
                dictionaryBytes + chunk.size(), dictionaryPages, dictionaryDataPages, plainDataPages, statistics.take());
        chunk.reset();
        chunkValues = 0;
        chunkUncompressed = 0;
        dictionaryDataPages = 0;
        plainDataPages = 0;
        if (dictionary != null) {
            dictionary.clear();
            plain = false;
        }
        return written;
    }

    private long openPageBytes() {
        return values.size() + 4L * indexCount + (long) levels * levelBytes;
    }

    /**
     * Keeps the value's dictionary index: {@link #NEW} when the value entered the dictionary,
     * {@link #KNOWN} when it was there, {@link #FELL_BACK} (to PLAIN, the value not kept) when the
     * dictionary is full.
     */
    private int encoded(byte[] b, int off, int len, long plainLength) {
        int entries = dictionary.size();
        int index = dictionary.index(b, off, len);
        if (index < 0) {
            fallBack();
            return FELL_BACK;
        }
        if (indexCount == indexes.length) {
            indexes = Arrays.copyOf(indexes, indexCount * 2);
        }
        indexes[indexCount++] = index;
        plainBytes += plainLength;
        int result = dictionary.size() > entries ? NEW : KNOWN;
        if (indexCount == SAMPLE && dictionaryDataPages == 0 && !worthIt(
                (long) indexCount * LevelEncoder.width(dictionary.size() - 1) / 8)) {
            fallBack();
        }
        return result;
    }

    /** Whether the dictionary and {@code indexBytes} of indexes are smaller than the values PLAIN. */
    private boolean worthIt(long indexBytes) {
        return dictionary.bytes() + indexBytes < plainBytes;
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
        if (dictionaryDataPages == 0) {
            dictionary.clear();
        }
    }

    /** Counts a level entry; keeps the levels a page stores (none for a required top-level column). */
    private void level(int repetition, int definition) {
        if (definitionWidth > 0) {
            if (levels == definitions.length) {
                definitions = Arrays.copyOf(definitions, levels * 2);
            }
            definitions[levels] = (byte) definition;
        }
        if (repetitionWidth > 0) {
            if (levels == repetitions.length) {
                repetitions = Arrays.copyOf(repetitions, levels * 2);
            }
            repetitions[levels] = (byte) repetition;
        }
        levels++;
    }

    private void closePage() throws IOException {
        if (levels == 0) {
            return;
        }
        if (bitCount > 0) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
        page.reset();
        if (repetitionWidth > 0) {
            levels(repetitions, repetitionWidth);
        }
        if (definitionWidth > 0) {
            levels(definitions, definitionWidth);
        }
        int valuesAt = page.size();
        if (!plain) {
            int width = Math.max(1, LevelEncoder.width(Math.max(0, dictionary.size() - 1)));
            page.write(width);
            LevelEncoder.encode(indexes, indexCount, width, page);
            if (dictionaryDataPages == 0 && !worthIt(page.size() - valuesAt)) {
                // the first page is no smaller dictionary-encoded: PLAIN, and no dictionary page
                page.truncate(valuesAt);
                fallBack();
            }
        }
        if (plain) {
            page.write(values.array(), 0, values.size());
        }
        int headerStart = chunk.size();
        compressed.reset();
        compressor.compress(page.array(), page.size(), compressed);
        new ThriftCompact(chunk).structBegin()
                .i32Field(1, DATA_PAGE)
                .i32Field(2, page.size())
                .i32Field(3, compressed.size())
                .structField(5)
                .i32Field(1, levels)
                .i32Field(2, plain ? PLAIN : RLE_DICTIONARY)
                .i32Field(3, RLE)
                .i32Field(4, RLE)
                .structEnd()
                .structEnd();
        int header = chunk.size() - headerStart;
        chunk.write(compressed.array(), 0, compressed.size());
        chunkUncompressed += header + page.size();
        chunkValues += levels;
        if (plain) {
            plainDataPages++;
        } else {
            dictionaryDataPages++;
        }
        levels = 0;
        values.reset();
        indexCount = 0;
        plainBytes = 0;
    }

    /** One level section of a version 1 page: its length in 4 bytes, then the RLE/bit-packed levels. */
    private void levels(byte[] entries, int width) {
        int lengthAt = page.size();
        page.writeIntLE(0);
        LevelEncoder.encode(entries, levels, width, page);
        int length = page.size() - lengthAt - 4;
        byte[] b = page.array();
        b[lengthAt] = (byte) length;
        b[lengthAt + 1] = (byte) (length >>> 8);
        b[lengthAt + 2] = (byte) (length >>> 16);
        b[lengthAt + 3] = (byte) (length >>> 24);
    }
}
