package dev.sluice.connector.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Timestamps as fixed-width UTC text, {@code yyyy-MM-dd HH:mm:ss.SSSSSS}: text order is time
 * order, and SQLite's date functions read it. Years 0000 to 9999 (what SQLite's date functions
 * know); microsecond precision (finer digits are truncated, as the SPI's precision says).
 */
final class SqliteTimestamps {
    static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final DateTimeFormatter WRITE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    /** Also reads what other tools write: a T separator, 0 to 9 fraction digits, a trailing Z. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private SqliteTimestamps() {
    }

    static boolean inRange(Instant t) {
        return !t.isBefore(MIN) && !t.isAfter(MAX);
    }

    /** The text of {@code t}, which must be {@link #inRange}. */
    static String format(Instant t) {
        if (!inRange(t)) {
            throw new IllegalArgumentException("timestamp " + t + " is outside the years 0000 to 9999 that SQLite stores");
        }
        return WRITE.format(t);
    }

    static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, READ).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: \""
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"");
        }
    }
}
