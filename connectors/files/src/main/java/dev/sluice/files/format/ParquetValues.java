package dev.sluice.files.format;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.ColumnType.IntType;
import dev.sluice.spi.ColumnType.ListType;
import dev.sluice.spi.ColumnType.TimeType;
import dev.sluice.spi.ColumnType.TimestampType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes one value of a column into its Parquet leaf column with its levels, in the representation
 * {@link ParquetSchema} declares. ±infinity dates and timestamps are written as DuckDB stores
 * them: {@code Integer.MAX_VALUE}/{@code -Integer.MAX_VALUE} days and {@code Long.MAX_VALUE}/
 * {@code -Long.MAX_VALUE} microseconds; other values at those extremes, and beyond them, are refused.
 */
final class ParquetValues {
    private final boolean athena;

    ParquetValues(boolean athena) {
        this.athena = athena;
    }

    /**
     * Writes a column's value (null or not) into its leaf: a row starts at repetition level 0;
     * {@code optional} says whether the column's field is optional (then a null is definition level 0).
     */
    void writeColumn(ParquetColumn leaf, ColumnType type, boolean optional, Object v) {
        if (v == null) {
            leaf.none(0, 0);
        } else {
            write(leaf, type, v, 0, optional ? 1 : 0, 0);
        }
    }

    /**
     * Writes non-null {@code v} at repetition level {@code rep}; {@code def} is the definition level
     * with its own field defined, {@code depth} the repetition level of the lists around it.
     */
    private void write(ParquetColumn leaf, ColumnType type, Object v, int rep, int def, int depth) {
        switch (type.kind()) {
            case BOOL -> leaf.bool(rep, def, (Boolean) v);
            case INT -> writeInt(leaf, rep, def, (IntType) type, v);
            case FLOAT -> {
                if (v instanceof Float f) {
                    leaf.int32(rep, def, Float.floatToIntBits(f));
                } else {
                    leaf.int64(rep, def, Double.doubleToLongBits((Double) v));
                }
            }
            case DECIMAL -> writeDecimal(leaf, rep, def, (DecimalType) type, v);
            case DATE -> leaf.int32(rep, def, days((LocalDate) v));
            case TIME -> {
                if (((TimeType) type).withZone()) {
                    leaf.bytes(rep, def, utf8(TextForms.timeWithZone((OffsetTime) v)));
                } else {
                    leaf.int64(rep, def, TextForms.microsOfDay((LocalTime) v));
                }
            }
            case TIMESTAMP -> leaf.int64(rep, def,
                    ((TimestampType) type).withZone() ? micros((Instant) v) : micros((LocalDateTime) v));
            case INTERVAL -> leaf.bytes(rep, def, utf8(TextForms.interval((Interval) v)));
            case STRING, INET, MAC -> leaf.bytes(rep, def, utf8((String) v));
            case BINARY -> leaf.bytes(rep, def, (byte[]) v);
            case UUID -> leaf.fixed(rep, def, uuidBytes((UUID) v));
            case JSON -> leaf.bytes(rep, def, utf8(JsonText.stored((String) v, athena)));
            case LIST -> writeList(leaf, ((ListType) type).element(), (List<?>) v, rep, def, depth);
        }
    }

    /**
     * A list in the three-level LIST: empty, it is defined up to its own group; otherwise each
     * element repeats the inner {@code list} group (repetition level {@code depth + 1} after the
     * first) and is defined one level deeper when null, two when not.
     */
    private void writeList(ParquetColumn leaf, ColumnType element, List<?> list, int rep, int def, int depth) {
        if (list.isEmpty()) {
            leaf.none(rep, def);
            return;
        }
        int r = rep;
        for (Object e : list) {
            if (e == null) {
                leaf.none(r, def + 1);
            } else {
                write(leaf, element, e, r, def + 2, depth + 1);
            }
            r = depth + 1;
        }
    }

    private static void writeInt(ParquetColumn leaf, int rep, int def, IntType type, Object v) {
        if (type.bits() == 64) {
            // uint64 keeps its 64 bits; readers take them as unsigned from the INT(64, false) annotation
            leaf.int64(rep, def, v instanceof BigInteger b ? b.longValue() : (Long) v);
        } else {
            leaf.int32(rep, def, (int) (long) (Long) v);
        }
    }

    private static void writeDecimal(ParquetColumn leaf, int rep, int def, DecimalType type, Object v) {
        ParquetSchema.Decimal d = ParquetSchema.decimal(type);
        if (d == null) {
            leaf.bytes(rep, def, utf8(TextForms.numeric(type, v)));
            return;
        }
        if (!(v instanceof BigDecimal value)) {
            throw new IllegalArgumentException("Parquet's DECIMAL has no NaN");
        }
        BigInteger unscaled = value.setScale(d.scale(), RoundingMode.UNNECESSARY).unscaledValue();
        if (d.precision() <= 9) {
            leaf.int32(rep, def, unscaled.intValueExact());
        } else if (d.precision() <= 18) {
            leaf.int64(rep, def, unscaled.longValueExact());
        } else {
            leaf.fixed(rep, def, fixedWidth(unscaled, ParquetSchema.decimalBytes(d.precision())));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Two's complement, big-endian, sign-extended to {@code width} bytes. */
    private static byte[] fixedWidth(BigInteger unscaled, int width) {
        byte[] minimal = unscaled.toByteArray();
        byte[] out = new byte[width];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xff : 0);
        int pad = width - minimal.length;
        for (int i = 0; i < pad; i++) {
            out[i] = fill;
        }
        System.arraycopy(minimal, 0, out, pad, minimal.length);
        return out;
    }

    static int days(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return -Integer.MAX_VALUE;
        }
        long days = d.toEpochDay();
        if (days >= Integer.MAX_VALUE || days <= -Integer.MAX_VALUE) {
            throw new IllegalArgumentException(TextForms.date(d) + " is outside Parquet's dates (32-bit days from 1970)");
        }
        return (int) days;
    }

    static long micros(Instant t) {
        if (t.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(Instant.MIN)) {
            return -Long.MAX_VALUE;
        }
        return micros(t.getEpochSecond(), t.getNano(), t);
    }

    static long micros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return -Long.MAX_VALUE;
        }
        return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), t);
    }

    private static long micros(long seconds, int nanos, Object t) {
        try {
            long micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
            if (micros != Long.MAX_VALUE && micros != -Long.MAX_VALUE) {
                return micros;
            }
        } catch (ArithmeticException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException(t + " is outside Parquet's timestamps (64-bit microseconds from 1970)");
    }

    private static byte[] uuidBytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}
