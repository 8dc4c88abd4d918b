package dev.sluice.connector.postgresql.destination;

/**
 * A value PostgreSQL cannot store, found while encoding it; the message says why in a user's
 * words, and the encoder adds the table, column and row. Cheap: no stack trace.
 */
final class BadValue extends RuntimeException {
    BadValue(String why) {
        super(why, null, false, false);
    }

    /** Long values (text, lists) shown in messages are cut to this many characters. */
    static String shown(String value) {
        return value.length() <= 80 ? '"' + value + '"' : '"' + value.substring(0, 77) + "...\"";
    }
}
