package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Key values made equal where PostgreSQL's equality (a primary key's index) finds them equal,
 * so that {@link LastPerKey} sees the keys the server sees: 1.0 and 1.00, -0.0 and 0.0, byte
 * arrays of equal contents, text with and without NUL (stripped on the way), char(n) with and
 * without trailing spaces, times below the microsecond, intervals of the same length (1 month
 * and 30 days, as PostgreSQL compares them), inet and MAC addresses written differently.
 * jsonb keys compare as written.
 */
final class KeyValues {
    private static final BigInteger MICROS_PER_DAY = BigInteger.valueOf(86_400_000_000L);

    private KeyValues() {
    }

    /** The normal form of {@code type}'s values, or null where {@code equals} already agrees with PostgreSQL. */
    static UnaryOperator<Object> normalizer(ColumnType type) {
        return switch (type.kind()) {
            case BOOL, INT, DATE, UUID, JSON -> null;
            case FLOAT -> KeyValues::unsignedZero;
            case DECIMAL -> KeyValues::decimal;
            case TIME -> KeyValues::time;
            case TIMESTAMP -> KeyValues::timestamp;
            case INTERVAL -> KeyValues::interval;
            case STRING -> ((ColumnType.StringType) type).fixed() ? v -> ScalarSend.stripNul((String) v).stripTrailing()
                    : v -> ScalarSend.stripNul((String) v);
            case BINARY -> v -> ByteBuffer.wrap((byte[]) v);
            case INET -> v -> address(v, ((ColumnType.InetType) type).cidr());
            case MAC -> v -> mac(v, ((ColumnType.MacType) type).bytes());
            case LIST -> list(normalizer(((ColumnType.ListType) type).element()));
        };
    }

    private static UnaryOperator<Object> list(UnaryOperator<Object> element) {
        return v -> {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(e == null || element == null ? e : element.apply(e));
            }
            return out;
        };
    }

    /** PostgreSQL finds -0.0 = 0.0 (and NaN = NaN, as {@code equals} does). */
    private static Object unsignedZero(Object v) {
        if (v instanceof Double d) {
            return d == 0.0 ? 0.0 : d;
        }
        return (Float) v == 0.0f ? 0.0f : v;
    }

    private static Object decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        return v; // NaN, ±Infinity
    }

    private static Object time(Object v) {
        if (v instanceof OffsetTime t) {
            return OffsetTime.of(micros(t.toLocalTime()), t.getOffset());
        }
        return micros((LocalTime) v);
    }

    private static Object timestamp(Object v) {
        if (v instanceof Instant t) {
            return t.equals(Instant.MAX) || t.equals(Instant.MIN) ? t : t.truncatedTo(ChronoUnit.MICROS);
        }
        LocalDateTime t = (LocalDateTime) v;
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN) ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** PostgreSQL compares intervals by length, a month counted as 30 days and a day as 24 hours. */
    private static Object interval(Object v) {
        Interval i = (Interval) v;
        return BigInteger.valueOf(i.months() * 30L + i.days()).multiply(MICROS_PER_DAY).add(BigInteger.valueOf(i.micros()));
    }

    private static LocalTime micros(LocalTime t) {
        return t.equals(LocalTime.MAX) ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** Address bytes and prefix length; text that is no address stays as it is (the encoder refuses it). */
    private static Object address(Object v, boolean cidr) {
        try {
            InetSend.Address a = InetSend.parse((String) v, cidr);
            return List.of(ByteBuffer.wrap(a.bytes()), a.bits());
        } catch (BadValue e) {
            return v;
        }
    }

    private static Object mac(Object v, int size) {
        try {
            return ByteBuffer.wrap(MacSend.parse((String) v, size));
        } catch (BadValue e) {
            return v;
        }
    }
}
