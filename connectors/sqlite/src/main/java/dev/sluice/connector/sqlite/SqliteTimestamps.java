package dev.sluice.connector.sqlite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Timestamps as fixed-width text, {@code 'YYYY-MM-DD HH:MM:SS.ffffff'}: an instant in UTC, a
 * local date-time as it is. For the years 0000 to 9999 text order is time order and SQLite's
 * date functions read it; other years have a sign and as many digits as they need, as
 * {@link SqliteDates} writes them ({@code '+10000-01-01 00:00:00.000000'}). {@code MAX} and
 * {@code MIN}, which stand for ±infinity, are {@code 'infinity'} and {@code '-infinity'}.
 * Microsecond precision: finer digits are dropped, as the SPI says.
 */
final class SqliteTimestamps {
    /** The sync times delete-stale compares as text, which only holds inside these years. */
    static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** Also reads what other tools write: a T separator, no fraction or 1 to 9 digits, a trailing Z. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private SqliteTimestamps() {
    }

    static boolean inRange(Instant t) {
        return !t.isBefore(MIN) && !t.isAfter(MAX);
    }

    static String format(Instant t) {
        if (t.equals(Instant.MAX)) {
            return SqliteDates.INFINITY;
        }
        if (t.equals(Instant.MIN)) {
            return SqliteDates.MINUS_INFINITY;
        }
        try {
            return WRITE.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        } catch (DateTimeException e) { // Instant's range is wider than LocalDateTime's
            throw new IllegalArgumentException("the timestamp " + t + " is outside the years -999999999 to +999999999");
        }
    }

    static String format(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return SqliteDates.INFINITY;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return SqliteDates.MINUS_INFINITY;
        }
        return WRITE.format(t);
    }

    static Instant parse(String text) {
        switch (text) {
            case SqliteDates.INFINITY:
                return Instant.MAX;
            case SqliteDates.MINUS_INFINITY:
                return Instant.MIN;
            default:
                return parseLocal(text).toInstant(ZoneOffset.UTC);
        }
    }

    static LocalDateTime parseLocal(String text) {
        switch (text) {
            case SqliteDates.INFINITY:
                return LocalDateTime.MAX;
            case SqliteDates.MINUS_INFINITY:
                return LocalDateTime.MIN;
            default:
                try {
                    return LocalDateTime.parse(text, READ).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a timestamp");
                }
        }
    }
}
