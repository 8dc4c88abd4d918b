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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;

/**
 * Writes one value of a column into Parquet's record consumer, in the representation
 * {@link ParquetSchema} declares. ±infinity dates and timestamps are written as DuckDB stores
 * them: {@code Integer.MAX_VALUE}/{@code -Integer.MAX_VALUE} days and {@code Long.MAX_VALUE}/
 * {@code -Long.MAX_VALUE} microseconds; other values at those extremes, and beyond them, are refused.
 */
final class ParquetValues {
    private final boolean athena;

    ParquetValues(boolean athena) {
        this.athena = athena;
    }

    void write(RecordConsumer rc, ColumnType type, Object v) {
        switch (type.kind()) {
            case BOOL -> rc.addBoolean((Boolean) v);
            case INT -> writeInt(rc, (IntType) type, v);
            case FLOAT -> {
                if (v instanceof Float f) {
                    rc.addFloat(f);
                } else {
                    rc.addDouble((Double) v);
                }
            }
            case DECIMAL -> writeDecimal(rc, (DecimalType) type, v);
            case DATE -> rc.addInteger(days((LocalDate) v));
            case TIME -> {
                if (((TimeType) type).withZone()) {
                    rc.addBinary(Binary.fromString(TextForms.timeWithZone((OffsetTime) v)));
                } else {
                    rc.addLong(TextForms.microsOfDay((LocalTime) v));
                }
            }
            case TIMESTAMP -> rc.addLong(((TimestampType) type).withZone() ? micros((Instant) v) : micros((LocalDateTime) v));
            case INTERVAL -> rc.addBinary(Binary.fromString(TextForms.interval((Interval) v)));
            case STRING, INET, MAC -> rc.addBinary(Binary.fromString((String) v));
            case BINARY -> rc.addBinary(Binary.fromReusedByteArray((byte[]) v));
            case UUID -> rc.addBinary(Binary.fromConstantByteArray(uuidBytes((UUID) v)));
            case JSON -> rc.addBinary(Binary.fromString(JsonText.stored((String) v, athena)));
            case LIST -> writeList(rc, ((ListType) type).element(), (List<?>) v);
        }
    }

    private void writeList(RecordConsumer rc, ColumnType element, List<?> list) {
        rc.startGroup();
        if (!list.isEmpty()) {
            rc.startField("list", 0);
            for (Object e : list) {
                rc.startGroup();
                if (e != null) {
                    rc.startField("element", 0);
                    write(rc, element, e);
                    rc.endField("element", 0);
                }
                rc.endGroup();
            }
            rc.endField("list", 0);
        }
        rc.endGroup();
    }

    private static void writeInt(RecordConsumer rc, IntType type, Object v) {
        if (type.bits() == 64) {
            // uint64 keeps its 64 bits; readers take them as unsigned from the INT(64, false) annotation
            rc.addLong(v instanceof BigInteger b ? b.longValue() : (Long) v);
        } else {
            rc.addInteger((int) (long) (Long) v);
        }
    }

    private static void writeDecimal(RecordConsumer rc, DecimalType type, Object v) {
        DecimalLogicalTypeAnnotation d = ParquetSchema.decimal(type);
        if (d == null) {
            rc.addBinary(Binary.fromString(TextForms.numeric(type, v)));
            return;
        }
        if (!(v instanceof BigDecimal value)) {
            throw new IllegalArgumentException("Parquet's DECIMAL has no NaN");
        }
        BigInteger unscaled = value.setScale(d.getScale(), RoundingMode.UNNECESSARY).unscaledValue();
        if (d.getPrecision() <= 9) {
            rc.addInteger(unscaled.intValueExact());
        } else if (d.getPrecision() <= 18) {
            rc.addLong(unscaled.longValueExact());
        } else {
            rc.addBinary(Binary.fromConstantByteArray(fixedWidth(unscaled, ParquetSchema.decimalBytes(d.getPrecision()))));
        }
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
