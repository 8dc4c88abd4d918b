package dev.sluice.connector.sqlite;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as ISO 8601 text, {@code 'YYYY-MM-DD'}, which SQLite's date functions read and whose
 * text order is date order for the years 0000 to 9999. A year outside them has a sign and as
 * many digits as it needs, ISO 8601's expanded form ({@code '-4712-01-01'},
 * {@code '+10000-01-01'}); {@code LocalDate.MAX} and {@code MIN}, which stand for ±infinity,
 * are {@code 'infinity'} and {@code '-infinity'}, as PostgreSQL writes them.
 */
final class SqliteDates {
    static final String INFINITY = "infinity";
    static final String MINUS_INFINITY = "-infinity";

    private SqliteDates() {
    }

    static String format(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return INFINITY;
        }
        if (date.equals(LocalDate.MIN)) {
            return MINUS_INFINITY;
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    static LocalDate parse(String text) {
        switch (text) {
            case INFINITY:
                return LocalDate.MAX;
            case MINUS_INFINITY:
                return LocalDate.MIN;
            default:
                try {
                    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date");
                }
        }
    }
}
