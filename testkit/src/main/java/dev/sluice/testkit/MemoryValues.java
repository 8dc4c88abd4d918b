package dev.sluice.testkit;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.nio.ByteBuffer;
import java.time.Instant;
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
            throw new ConnectorException("table \"" + table + "\", column \"" + column.name() + "\": a "
                    + type.displayName() + " value cannot be a " + value.getClass().getSimpleName());
        }
        if (value instanceof List<?> list) {
            Class<?> element = type == ColumnType.STRING_LIST ? String.class : Long.class;
            for (Object e : list) {
                if (e != null && !element.isInstance(e)) {
                    throw new ConnectorException("table \"" + table + "\", column \"" + column.name() + "\": a "
                            + type.displayName() + " element cannot be a " + e.getClass().getSimpleName());
                }
            }
            return Collections.unmodifiableList(new ArrayList<>(list));
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

    private static Object truncate(Object value) {
        return value instanceof Instant t ? micros(t) : value;
    }

    private static Object copy(Object value) {
        return value instanceof byte[] b ? b.clone() : value;
    }
}
