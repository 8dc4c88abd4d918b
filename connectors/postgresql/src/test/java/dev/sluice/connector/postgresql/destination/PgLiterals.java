package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A value's text as PostgreSQL's input functions read it ({@code CAST(text AS type)}), written
 * independently of the encoder, so that a test compares what COPY stored with what the server
 * makes of the literal.
 */
final class PgLiterals {
    private PgLiterals() {
    }

    static String of(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(PgLiterals::element).collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : date(d);
        }
        if (v instanceof LocalTime t) {
            return t.equals(LocalTime.MAX) ? "24:00:00" : t.toString();
        }
        if (v instanceof OffsetTime t) {
            return t.toLocalTime() + (t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId());
        }
        if (v instanceof Instant t) {
            return t.equals(Instant.MAX) ? "infinity" : t.equals(Instant.MIN) ? "-infinity"
                    : dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "+00";
        }
        if (v instanceof LocalDateTime t) {
            return t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity" : dateTime(t);
        }
        if (v instanceof Interval i) {
            long m = Math.abs(i.micros());
            return String.format("%d mons %d days %s%d:%02d:%02d.%06d", i.months(), i.days(), i.micros() < 0 ? "-" : "",
                    m / 3_600_000_000L, m / 60_000_000 % 60, m / 1_000_000 % 60, m % 1_000_000);
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        return String.valueOf(v); // booleans, numbers, text, uuid, json, addresses
    }

    /** An array element: NULL, a nested array, or the quoted literal. */
    private static String element(Object e) {
        if (e == null) {
            return "NULL";
        }
        if (e instanceof List) {
            return of(e);
        }
        return '"' + of(e).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String date(LocalDate d) {
        int year = d.getYear();
        return String.format("%04d-%02d-%02d%s", year > 0 ? year : 1 - year, d.getMonthValue(), d.getDayOfMonth(),
                year > 0 ? "" : " BC");
    }

    private static String dateTime(LocalDateTime t) {
        String date = date(t.toLocalDate());
        String time = String.format("%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
        return date.endsWith(" BC") ? date.substring(0, date.length() - 3) + " " + time + " BC" : date + " " + time;
    }
}
