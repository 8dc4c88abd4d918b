package dev.sluice.files.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One leaf column's chunk of the current row group: levels and values ({@link ParquetPageValues}:
 * dictionary-encoded or PLAIN) buffered for the open page, the chunk's {@link ParquetStatistics}
 * gathered as they come; a page of about {@link #PAGE_BYTES} is closed at a row's end (so pages
 * start at row boundaries), compressed whole and kept with its header (a version 1 data page:
 * repetition then definition levels, each RLE/bit-packed behind a 4-byte length, then the values)
 * until the row group is written out, behind the dictionary page when a data page uses one.
 */
final class ParquetColumn {
    /** A page is closed at the end of the row that takes its buffered bytes to this many. */
    static final int PAGE_BYTES = 1 << 20;
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final int RLE = 3;

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
    private final ParquetPageValues values;
    private final int definitionWidth;
    private final int repetitionWidth;
    private final int levelBytes;
    private byte[] definitions = new byte[64];
    private byte[] repetitions = new byte[64];
    private int levels;
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
        this.values = new ParquetPageValues(leaf.type());
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
        values.bool(v);
    }

    void int32(int repetition, int definition, int v) {
        level(repetition, definition);
        if (counts(values.int32(v))) {
            statistics.int32(v);
        }
    }

    void int64(int repetition, int definition, long v) {
        level(repetition, definition);
        if (counts(values.int64(v))) {
            statistics.int64(v);
        }
    }

    /** A BYTE_ARRAY value. */
    void bytes(int repetition, int definition, byte[] v) {
        level(repetition, definition);
        if (counts(values.bytes(v))) {
            statistics.bytes(v);
        }
    }

    /** A FIXED_LEN_BYTE_ARRAY value of the leaf's length. */
    void fixed(int repetition, int definition, byte[] v) {
        level(repetition, definition);
        if (counts(values.fixed(v))) {
            statistics.bytes(v);
        }
    }

    /**
     * The bytes held for the row group: closed pages, compressed, the open page (a dictionary index
     * as the 4 bytes it takes in memory) and the dictionary.
     */
    long bufferedBytes() {
        return chunk.size() + openPageBytes() + values.dictionaryBytes();
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
        ParquetDictionary dictionary = values.usedDictionary();
        if (dictionary != null) {
            compressed.reset();
            compressor.compress(dictionary.array(), dictionary.bytes(), compressed);
            ByteSink header = new ByteSink(32);
            new ThriftCompact(header).structBegin()
                    .i32Field(1, DICTIONARY_PAGE)
                    .i32Field(2, dictionary.bytes())
                    .i32Field(3, compressed.size())
                    .structField(7)
                    .i32Field(1, dictionary.size())
                    .i32Field(2, ParquetPageValues.PLAIN)
                    .structEnd()
                    .structEnd();
            header.writeTo(out);
            compressed.writeTo(out);
            dictionaryBytes = header.size() + compressed.size();
            dictionaryUncompressed = header.size() + dictionary.bytes();
        }
        chunk.writeTo(out);
        Chunk written = new Chunk(offset, offset + dictionaryBytes, chunkValues, dictionaryUncompressed + chunkUncompressed,
                dictionaryBytes + chunk.size(), dictionary != null ? 1 : 0, dictionaryDataPages, plainDataPages,
                statistics.take());
        chunk.reset();
        chunkValues = 0;
        chunkUncompressed = 0;
        dictionaryDataPages = 0;
        plainDataPages = 0;
        values.endChunk();
        return written;
    }

    /** Whether a value taken goes to the statistics: equal dictionary entries after the first need not. */
    private boolean counts(int taken) {
        return taken != ParquetPageValues.KNOWN || statisticsOfEach;
    }

    private long openPageBytes() {
        return values.openBytes() + (long) levels * levelBytes;
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
        page.reset();
        if (repetitionWidth > 0) {
            levels(repetitions, repetitionWidth);
        }
        if (definitionWidth > 0) {
            levels(definitions, definitionWidth);
        }
        int encoding = values.closePage(page);
        int headerStart = chunk.size();
        compressed.reset();
        compressor.compress(page.array(), page.size(), compressed);
        new ThriftCompact(chunk).structBegin()
                .i32Field(1, DATA_PAGE)
                .i32Field(2, page.size())
                .i32Field(3, compressed.size())
                .structField(5)
                .i32Field(1, levels)
                .i32Field(2, encoding)
                .i32Field(3, RLE)
                .i32Field(4, RLE)
                .structEnd()
                .structEnd();
        int header = chunk.size() - headerStart;
        chunk.write(compressed.array(), 0, compressed.size());
        chunkUncompressed += header + page.size();
        chunkValues += levels;
        if (encoding == ParquetPageValues.RLE_DICTIONARY) {
            dictionaryDataPages++;
        } else {
            plainDataPages++;
        }
        levels = 0;
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
