package dev.sluice.files.format;

import java.util.Arrays;

/**
 * Shortened BYTE_ARRAY bounds for column statistics, compared as unsigned bytes. A value of at most
 * {@link #LIMIT} bytes is its own bound. A longer one's lower bound is its prefix of at most
 * {@link #LIMIT} bytes; its upper bound is that prefix with the last byte that can grow incremented
 * and the bytes after it dropped. For UTF-8 text the prefix ends at a character boundary and the
 * last character that can grow becomes the next code point (skipping surrogates), so bounds stay
 * valid UTF-8; UTF-8's byte order is its code point order.
 */
final class ParquetBounds {
    /** The longest bound written whole. */
    static final int LIMIT = 64;

    private ParquetBounds() {
    }

    /** {@code v} itself when short enough, else a prefix of it. */
    static byte[] lower(byte[] v, boolean utf8) {
        if (v.length <= LIMIT) {
            return v;
        }
        return Arrays.copyOf(v, utf8 ? boundary(v, LIMIT) : LIMIT);
    }

    /** {@code v} itself when short enough, else a short value greater than it; null when there is none. */
    static byte[] upper(byte[] v, boolean utf8) {
        if (v.length <= LIMIT) {
            return v;
        }
        return utf8 ? nextText(v) : nextBytes(v);
    }

    private static byte[] nextBytes(byte[] v) {
        for (int i = LIMIT - 1; i >= 0; i--) {
            if (v[i] != (byte) 0xFF) {
                byte[] b = Arrays.copyOf(v, i + 1);
                b[i]++;
                return b;
            }
        }
        return null;
    }

    private static byte[] nextText(byte[] v) {
        int end = boundary(v, LIMIT);
        while (end > 0) {
            int start = boundary(v, end - 1);
            int next = codePoint(v, start, end) + 1;
            if (next == 0xD800) {
                next = 0xE000;
            }
            if (next <= Character.MAX_CODE_POINT) {
                byte[] tail = new String(Character.toChars(next)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] b = Arrays.copyOf(v, start + tail.length);
                System.arraycopy(tail, 0, b, start, tail.length);
                return b;
            }
            end = start;
        }
        return null;
    }

    /** The largest character boundary at or before {@code at}: not inside a multi-byte sequence. */
    private static int boundary(byte[] v, int at) {
        int i = at;
        while (i > 0 && i < v.length && (v[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }

    private static int codePoint(byte[] v, int start, int end) {
        int lead = v[start] & 0xFF;
        int cp = end - start == 1 ? lead : lead & (0xFF >>> (end - start + 1));
        for (int i = start + 1; i < end; i++) {
            cp = cp << 6 | (v[i] & 0x3F);
        }
        return cp;
    }
}
