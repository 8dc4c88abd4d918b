package dev.sluice.connector.sqlite;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Times of day as fixed-width text, {@code 'HH:MM:SS.ffffff'}, which SQLite's time functions
 * read; {@code LocalTime.MAX}, which stands for 24:00, is {@code '24:00:00'}, as PostgreSQL
 * writes it. A time with a zone offset adds it, {@code '12:34:56.123456+05:30'} ({@code +00:00}
 * for UTC, {@code +HH:MM:SS} for an offset with seconds). Digits below the microsecond are
 * dropped, as the SPI says.
 */
final class SqliteTimes {
    static final String END_OF_DAY = "24:00:00";
    private static final Pattern END_OF_DAY_WITH_FRACTION = Pattern.compile("24:00:00\\.0{1,9}");

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    /** Also reads other writers' forms: 1 to 9 fraction digits, or none. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .appendOffset("+HH:MM:ss", "+00:00").toFormatter();

    private SqliteTimes() {
    }

    static String format(LocalTime time) {
        return time.equals(LocalTime.MAX) ? END_OF_DAY : WRITE.format(time);
    }

    static String format(OffsetTime time) {
        return format(time.toLocalTime()) + OFFSET.format(time.getOffset());
    }

    static LocalTime parse(String text) {
        if (text.equals(END_OF_DAY) || END_OF_DAY_WITH_FRACTION.matcher(text).matches()) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text, READ).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day");
        }
    }

    static OffsetTime parseWithOffset(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (sign < 0) {
            throw new IllegalArgumentException("not a time of day with an offset");
        }
        ZoneOffset offset;
        try {
            offset = ZoneOffset.of(text.substring(sign));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a time of day with an offset");
        }
        return OffsetTime.of(parse(text.substring(0, sign)), offset);
    }
}
