package dev.sluice.files.format;

import dev.sluice.files.format.ParquetSchema.Leaf;
import dev.sluice.files.format.ParquetSchema.Logical;
import java.util.Arrays;

/**
 * The Statistics of one leaf column's chunk, gathered as its values are written: the null count
 * (every level entry without a value: a null, an empty or null list, a null element) and, in the
 * order parquet.thrift's TypeDefinedOrder gives the column's logical or physical type, the least
 * and greatest value. Signed integers, dates, times, timestamps and INT32/INT64 decimals compare
 * signed; unsigned integers unsigned; floats by value, NaN left out of min and max but counted,
 * a zero min written as -0.0 and a zero max as +0.0; booleans false before true; BYTE_ARRAY and
 * UUID values as unsigned bytes; FIXED_LEN_BYTE_ARRAY decimals as two's-complement numbers. A
 * BYTE_ARRAY min or max longer than {@link ParquetBounds#LIMIT} bytes is shortened
 * ({@link ParquetBounds}) and marked inexact.
 */
final class ParquetStatistics {
    /** How a leaf's values compare. */
    enum Order { BOOLEAN, INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, UTF8, BYTES, FIXED_UNSIGNED, FIXED_SIGNED }

    /**
     * A chunk's statistics as written: min and max PLAIN-encoded (no length prefix), null when there
     * is none; {@code nanCount} -1 for a column that is not FLOAT or DOUBLE.
     */
    record Chunk(long nullCount, byte[] min, byte[] max, boolean minExact, boolean maxExact, long nanCount) {
    }

    private final Order order;
    private long nulls;
    private long nans;
    private boolean seen;
    private long minLong;
    private long maxLong;
    private double minDouble;
    private double maxDouble;
    private byte[] minBytes;
    private byte[] maxBytes;

    ParquetStatistics(Leaf leaf) {
        this.order = order(leaf.type(), leaf.logical());
    }

    static Order order(int type, Logical logical) {
        boolean unsigned = logical != null && logical.field() == Logical.INTEGER && logical.b() == 0;
        return switch (type) {
            case ParquetSchema.BOOLEAN -> Order.BOOLEAN;
            case ParquetSchema.INT32 -> unsigned ? Order.UINT32 : Order.INT32;
            case ParquetSchema.INT64 -> unsigned ? Order.UINT64 : Order.INT64;
            case ParquetSchema.FLOAT -> Order.FLOAT;
            case ParquetSchema.DOUBLE -> Order.DOUBLE;
            case ParquetSchema.BYTE_ARRAY -> logical != null
                    && (logical.field() == Logical.STRING || logical.field() == Logical.JSON) ? Order.UTF8 : Order.BYTES;
            case ParquetSchema.FIXED_LEN_BYTE_ARRAY -> logical != null && logical.field() == Logical.DECIMAL
                    ? Order.FIXED_SIGNED : Order.FIXED_UNSIGNED;
            default -> throw new IllegalArgumentException("no order for Parquet type " + type);
        };
    }

    void none() {
        nulls++;
    }

    void bool(boolean v) {
        // false is 0, true is 1
        number(v ? 1 : 0);
    }

    /** An INT32 value, or a FLOAT's bits. */
    void int32(int v) {
        switch (order) {
            case FLOAT -> floating(Float.intBitsToFloat(v));
            case UINT32 -> number(Integer.toUnsignedLong(v));
            default -> number(v);
        }
    }

    /** An INT64 value, or a DOUBLE's bits. */
    void int64(long v) {
        switch (order) {
            case DOUBLE -> floating(Double.longBitsToDouble(v));
            // flipping the sign bit makes the signed order of the results the unsigned order of the values
            case UINT64 -> number(v ^ Long.MIN_VALUE);
            default -> number(v);
        }
    }

    /**
     * A BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value, kept while it is the min or max: copied for a
     * BINARY column (the caller's array), as it is otherwise (an array the writer made).
     */
    void bytes(byte[] v) {
        if (!seen) {
            minBytes = kept(v);
            maxBytes = minBytes;
            seen = true;
        } else if (compare(v, minBytes) < 0) {
            minBytes = kept(v);
        } else if (compare(v, maxBytes) > 0) {
            maxBytes = kept(v);
        }
    }

    /** The chunk's statistics; starts over for the next chunk. */
    Chunk take() {
        Chunk c = seen ? withBounds() : new Chunk(nulls, null, null, false, false, nanCount());
        nulls = 0;
        nans = 0;
        seen = false;
        minBytes = null;
        maxBytes = null;
        return c;
    }

    private void number(long v) {
        if (!seen) {
            minLong = v;
            maxLong = v;
            seen = true;
        } else if (v < minLong) {
            minLong = v;
        } else if (v > maxLong) {
            maxLong = v;
        }
    }

    private void floating(double v) {
        if (Double.isNaN(v)) {
            nans++;
        } else if (!seen) {
            minDouble = v;
            maxDouble = v;
            seen = true;
        } else if (v < minDouble) {
            minDouble = v;
        } else if (v > maxDouble) {
            maxDouble = v;
        }
    }

    private byte[] kept(byte[] v) {
        return order == Order.BYTES ? v.clone() : v;
    }

    private int compare(byte[] a, byte[] b) {
        if (order == Order.FIXED_SIGNED) {
            // equal widths, big-endian two's complement: the first byte decides signed, the rest unsigned
            int first = Byte.compare(a[0], b[0]);
            return first != 0 ? first : Arrays.compareUnsigned(a, b);
        }
        return Arrays.compareUnsigned(a, b);
    }

    private long nanCount() {
        return order == Order.FLOAT || order == Order.DOUBLE ? nans : -1;
    }

    private Chunk withBounds() {
        return switch (order) {
            case BOOLEAN -> new Chunk(nulls, new byte[] {(byte) minLong}, new byte[] {(byte) maxLong}, true, true, -1);
            case INT32, UINT32 -> new Chunk(nulls, le32((int) minLong), le32((int) maxLong), true, true, -1);
            case INT64 -> new Chunk(nulls, le64(minLong), le64(maxLong), true, true, -1);
            case UINT64 -> new Chunk(nulls, le64(minLong ^ Long.MIN_VALUE), le64(maxLong ^ Long.MIN_VALUE), true, true, -1);
            // a zero min is written -0.0 and a zero max +0.0: both zeros may be in the chunk
            case FLOAT -> new Chunk(nulls, le32(Float.floatToIntBits(minDouble == 0 ? -0.0f : (float) minDouble)),
                    le32(Float.floatToIntBits(maxDouble == 0 ? 0.0f : (float) maxDouble)), true, true, nans);
            case DOUBLE -> new Chunk(nulls, le64(Double.doubleToLongBits(minDouble == 0 ? -0.0 : minDouble)),
                    le64(Double.doubleToLongBits(maxDouble == 0 ? 0.0 : maxDouble)), true, true, nans);
            case UTF8, BYTES -> byteBounds(order == Order.UTF8);
            case FIXED_UNSIGNED, FIXED_SIGNED -> new Chunk(nulls, minBytes, maxBytes, true, true, -1);
        };
    }

    /** Min and max shortened past the limit; neither when no upper bound fits it (all 0xFF bytes). */
    private Chunk byteBounds(boolean utf8) {
        byte[] min = ParquetBounds.lower(minBytes, utf8);
        byte[] max = ParquetBounds.upper(maxBytes, utf8);
        if (max == null) {
            return new Chunk(nulls, null, null, false, false, -1);
        }
        return new Chunk(nulls, min, max, min == minBytes, max == maxBytes, -1);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
