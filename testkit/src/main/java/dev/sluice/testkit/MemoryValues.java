package dev.sluice.testkit;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks, copies and compares values the way the reference destination stores them. */
final class MemoryValues {
    private MemoryValues() {
    }

    /**
     * The value as stored: checked against the column's type, timestamps truncated to
     * microseconds (the SPI's precision), arrays and lists copied so callers cannot change it.
     */
    static Object in(String table, Column column, Object value) {
        ColumnType type = column.type();
        if (!type.accepts(value)) {
            throw new ConnectorException("table \"" + table + "\", column \"" + column.name() + "\": "
                    + type.whyNot(value));
        }
        return stored(value);
    }

    private static Object stored(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(stored(e)));
            return Collections.unmodifiableList(copy);
        }
        return copy(truncate(value));
    }

    /** A copy safe to hand out. */
    static Object out(Object value) {
        return copy(value);
    }

    /** Microsecond precision, as every destination stores timestamps. */
    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The key of {@code row} on {@code columns}, comparable with equals; empty if any part is null. */
    static Optional<List<Object>> key(Map<String, Object> row, List<String> columns) {
        List<Object> key = new ArrayList<>(columns.size());
        for (String c : columns) {
            Object v = row.get(c);
            if (v == null) {
                return Optional.empty();
            }
            key.add(v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
        }
        return Optional.of(key);
    }

    /** Microseconds, except the values that stand for ±infinity and 24:00. */
    private static Object truncate(Object value) {
        if (value instanceof Instant t) {
            return t.equals(Instant.MAX) || t.equals(Instant.MIN) ? t : micros(t);
        }
        if (value instanceof LocalDateTime t) {
            return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN) ? t : t.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof LocalTime t) {
            return t.equals(LocalTime.MAX) ? t : t.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof OffsetTime t) {
            return t.toLocalTime().equals(LocalTime.MAX) ? t : t.truncatedTo(ChronoUnit.MICROS);
        }
        return value;
    }

    private static Object copy(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(copy(e)));
            return Collections.unmodifiableList(copy);
        }
        return value instanceof byte[] b ? b.clone() : value;
    }
}
