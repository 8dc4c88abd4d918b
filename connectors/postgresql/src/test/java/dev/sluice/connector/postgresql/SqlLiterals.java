package dev.sluice.connector.postgresql;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Sluice values written as SQL literals of {@link PgTypes#declared}, for tests that put values in with plain SQL. */
final class SqlLiterals {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private SqlLiterals() {
    }

    static String of(ColumnType type, Object v) {
        String declared = PgTypes.declared(type);
        if (v == null) {
            return "NULL::" + declared;
        }
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return "'{}'::" + declared;
            }
            ColumnType element = ((ColumnType.ListType) type).element();
            return "ARRAY[" + list.stream().map(e -> of(element, e)).collect(Collectors.joining(", ")) + "]::" + declared;
        }
        return quote(text(v)) + "::" + declared;
    }

    /** The value's input text. */
    static String text(Object v) {
        if (v instanceof Float f) {
            return f.isNaN() ? "NaN" : f.isInfinite() ? (f > 0 ? "Infinity" : "-Infinity") : f.toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : date(d);
        }
        if (v instanceof LocalTime t) {
            return t.equals(LocalTime.MAX) ? "24:00:00" : t.format(TIME);
        }
        if (v instanceof OffsetTime t) {
            return text(t.toLocalTime()) + t.getOffset().getId().replace("Z", "+00:00");
        }
        if (v instanceof Instant i) {
            return i.equals(Instant.MAX) ? "infinity" : i.equals(Instant.MIN) ? "-infinity"
                    : timestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC), "+00");
        }
        if (v instanceof LocalDateTime t) {
            return t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity" : timestamp(t, "");
        }
        if (v instanceof Interval i) {
            return i.months() + " mons " + i.days() + " days " + i.micros() + " microseconds";
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        return v.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String date(LocalDate d) {
        int year = d.getYear();
        String ymd = String.format("%04d-%02d-%02d", year > 0 ? year : 1 - year, d.getMonthValue(), d.getDayOfMonth());
        return year > 0 ? ymd : ymd + " BC";
    }

    private static String timestamp(LocalDateTime t, String offset) {
        String d = date(t.toLocalDate());
        boolean bc = d.endsWith(" BC");
        return (bc ? d.substring(0, d.length() - 3) : d) + " " + t.toLocalTime().format(TIME) + offset + (bc ? " BC" : "");
    }
}
