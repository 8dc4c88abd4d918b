package dev.sluice.connector.postgresql;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's dates, times and timestamps, from either wire format, without the JVM's time
 * zone: the text format ({@code DateStyle} ISO, which the driver requires) and the binary one
 * (days or microseconds from 2000-01-01). {@code infinity} and {@code -infinity} become the
 * Java type's {@code MAX} and {@code MIN}, and {@code 24:00:00} becomes {@code LocalTime.MAX}.
 * A timestamp text without a zone offset is read as UTC (a {@code timestamp without time zone}
 * column holding UTC instants).
 */
final class PgTemporal {
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAYS = 10_957L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private PgTemporal() {
    }

    static LocalDate dateBinary(byte[] b) {
        int days = ByteBuffer.wrap(b).getInt();
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        return days == Integer.MIN_VALUE ? LocalDate.MIN : LocalDate.ofEpochDay(PG_EPOCH_DAYS + days);
    }

    static LocalTime timeBinary(byte[] b) {
        return time(ByteBuffer.wrap(b).getLong());
    }

    static OffsetTime timetzBinary(byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        long micros = buffer.getLong();
        return OffsetTime.of(time(micros), ZoneOffset.ofTotalSeconds(-buffer.getInt())); // stored as seconds west
    }

    static LocalDateTime localTimestampBinary(byte[] b) {
        long micros = ByteBuffer.wrap(b).getLong();
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    /** Binary {@code timestamp with time zone} is UTC, and so is what a {@code timestamp without time zone} column holds. */
    static Instant instantBinary(byte[] b) {
        return instant(localTimestampBinary(b));
    }

    static LocalDate date(String s) {
        if (s.equals("infinity")) {
            return LocalDate.MAX;
        }
        if (s.equals("-infinity")) {
            return LocalDate.MIN;
        }
        Cursor c = new Cursor(s);
        LocalDate d = c.date();
        c.bc();
        c.end();
        return c.bc ? bc(d) : d;
    }

    static LocalTime time(String s) {
        Cursor c = new Cursor(s);
        LocalTime t = c.time();
        c.end();
        return t;
    }

    static OffsetTime timetz(String s) {
        Cursor c = new Cursor(s);
        LocalTime t = c.time();
        ZoneOffset offset = c.offset();
        if (offset == null) {
            throw c.bad();
        }
        c.end();
        return OffsetTime.of(t, offset);
    }

    static LocalDateTime localTimestamp(String s) {
        if (s.equals("infinity")) {
            return LocalDateTime.MAX;
        }
        if (s.equals("-infinity")) {
            return LocalDateTime.MIN;
        }
        Cursor c = new Cursor(s);
        LocalDateTime t = c.timestamp();
        c.bc();
        c.end();
        return c.bc ? t.with(bc(t.toLocalDate())) : t;
    }

    /** A {@code timestamp with time zone}'s text, or a {@code timestamp without time zone}'s holding UTC. */
    static Instant instant(String s) {
        if (s.equals("infinity")) {
            return Instant.MAX;
        }
        if (s.equals("-infinity")) {
            return Instant.MIN;
        }
        Cursor c = new Cursor(s);
        LocalDateTime t = c.timestamp();
        ZoneOffset offset = c.offset();
        c.bc();
        c.end();
        if (c.bc) {
            t = t.with(bc(t.toLocalDate()));
        }
        return t.toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    private static Instant instant(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Instant.MAX;
        }
        return t.equals(LocalDateTime.MIN) ? Instant.MIN : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalTime time(long micros) {
        if (micros == MICROS_PER_DAY) {
            return LocalTime.MAX; // 24:00:00
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Year {@code y} BC is ISO year {@code 1 - y} (there is no year 0 BC). */
    private static LocalDate bc(LocalDate d) {
        return d.withYear(1 - d.getYear());
    }

    /** A left-to-right reader of one value's text. */
    private static final class Cursor {
        private final String s;
        private int i;
        private boolean bc;

        Cursor(String s) {
            this.s = s;
        }

        LocalDate date() {
            int year = digits(4, 9);
            expect('-');
            int month = digits(2, 2);
            expect('-');
            int day = digits(2, 2);
            return LocalDate.of(year, month, day);
        }

        LocalTime time() {
            int hour = digits(2, 2);
            expect(':');
            int minute = digits(2, 2);
            expect(':');
            int second = digits(2, 2);
            int micros = 0;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int start = i;
                micros = digits(1, 6);
                for (int n = i - start; n < 6; n++) {
                    micros *= 10;
                }
            }
            if (hour == 24 && minute == 0 && second == 0 && micros == 0) {
                return LocalTime.MAX;
            }
            return LocalTime.of(hour, minute, second, micros * 1000);
        }

        LocalDateTime timestamp() {
            LocalDate d = date();
            expect(' ');
            LocalTime t = time();
            if (t.equals(LocalTime.MAX)) {
                throw bad(); // a timestamp never shows 24:00
            }
            return LocalDateTime.of(d, t);
        }

        /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}, or null when none follows. */
        ZoneOffset offset() {
            if (i >= s.length() || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
                return null;
            }
            int sign = s.charAt(i++) == '-' ? -1 : 1;
            int seconds = digits(2, 2) * 3600;
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                seconds += digits(2, 2) * 60;
                if (i < s.length() && s.charAt(i) == ':') {
                    i++;
                    seconds += digits(2, 2);
                }
            }
            return ZoneOffset.ofTotalSeconds(sign * seconds);
        }

        void bc() {
            if (s.startsWith(" BC", i)) {
                i += 3;
                bc = true;
            }
        }

        void end() {
            if (i != s.length()) {
                throw bad();
            }
        }

        private int digits(int min, int max) {
            int start = i;
            int v = 0;
            while (i < s.length() && i - start < max && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                v = v * 10 + (s.charAt(i++) - '0');
            }
            if (i - start < min) {
                throw bad();
            }
            return v;
        }

        private void expect(char ch) {
            if (i >= s.length() || s.charAt(i) != ch) {
                throw bad();
            }
            i++;
        }

        IllegalArgumentException bad() {
            return new IllegalArgumentException("not a PostgreSQL date or time: \"" + s + "\"");
        }
    }
}
