package dev.sluice.files.format;

import java.util.function.IntUnaryOperator;

/**
 * Parquet's RLE/bit-packing hybrid for repetition and definition levels and for dictionary
 * indexes: a run of eight or more
 * equal levels is one RLE run (header {@code count << 1}, the value in {@code ceil(width / 8)}
 * bytes), other levels are bit-packed in groups of eight (header {@code groups << 1 | 1}, values
 * packed least significant bit first), the last group padded with zeros.
 */
final class LevelEncoder {
    private LevelEncoder() {
    }

    /** The bits of a level up to {@code max}: 0 when there is no level to store. */
    static int width(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /** Appends the encoding of {@code levels[0..count)} at {@code width} bits (at least 1) to {@code out}. */
    static void encode(byte[] levels, int count, int width, ByteSink out) {
        encode(i -> levels[i], count, width, out);
    }

    /** Appends the encoding of {@code values[0..count)} (non-negative) at {@code width} bits (at least 1). */
    static void encode(int[] values, int count, int width, ByteSink out) {
        encode(i -> values[i], count, width, out);
    }

    private static void encode(IntUnaryOperator levels, int count, int width, ByteSink out) {
        int literalStart = 0;
        int i = 0;
        while (i < count) {
            int run = 1;
            int value = levels.applyAsInt(i);
            while (i + run < count && levels.applyAsInt(i + run) == value) {
                run++;
            }
            if (run >= 8) {
                // a bit-packed run holds whole groups of eight: the run lends it the levels it lacks
                int pad = (8 - (i - literalStart) % 8) % 8;
                if (i > literalStart && pad > 0) {
                    i += pad;
                    run -= pad;
                }
                packed(levels, literalStart, i - literalStart, width, out);
                literalStart = i;
                if (run >= 8) {
                    repeated(levels.applyAsInt(i), run, width, out);
                    literalStart = i + run;
                }
                i += run;
            } else {
                i += run;
            }
        }
        packed(levels, literalStart, count - literalStart, width, out);
    }

    private static void repeated(int value, int run, int width, ByteSink out) {
        out.writeVarint((long) run << 1);
        for (int b = 0; b < (width + 7) / 8; b++) {
            out.write(value >>> (8 * b));
        }
    }

    private static void packed(IntUnaryOperator levels, int start, int count, int width, ByteSink out) {
        if (count == 0) {
            return;
        }
        int groups = (count + 7) / 8;
        out.writeVarint((long) groups << 1 | 1);
        long acc = 0;
        int bits = 0;
        for (int k = 0; k < groups * 8; k++) {
            int v = k < count ? levels.applyAsInt(start + k) : 0;
            acc |= (long) v << bits;
            bits += width;
            while (bits >= 8) {
                out.write((int) acc);
                acc >>>= 8;
                bits -= 8;
            }
        }
    }
}
