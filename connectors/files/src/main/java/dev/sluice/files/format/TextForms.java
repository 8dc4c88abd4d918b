package dev.sluice.files.format;

import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * The text of values that JSON and CSV objects (and Parquet, for types it has no logical type for)
 * store as strings. Forms follow CloudQuery's (Arrow's) where it has the type, PostgreSQL's and
 * DuckDB's otherwise (infinity, 24:00, NaN); DuckDB parses every one back (the round-trip tests):
 * <ul>
 * <li>dates {@code 2024-02-29}; years before 1 are astronomical ({@code -4712} is 4713 BC), years after
 *     9999 have more digits and no sign; {@code LocalDate.MAX}/{@code MIN} are {@code infinity} and
 *     {@code -infinity};</li>
 * <li>timestamps RFC 3339, {@code 2024-02-29T12:34:56.123456Z} for an instant and without the {@code Z}
 *     for a local one, trailing zeros of the fraction dropped, the years as dates', ±infinity as dates';</li>
 * <li>times {@code 12:34:56.123456}, trailing zeros dropped, or with all six digits;
 *     {@code LocalTime.MAX} is {@code 24:00:00}; a time with a zone ends with its offset, {@code +05:30};</li>
 * <li>decimal text is plain ({@code 0.0000000001}, never an exponent), with a bounded type's scale of
 *     fraction digits, and {@code NaN}, {@code Infinity} and {@code -Infinity} (PostgreSQL's forms);</li>
 * <li>floats are the shortest decimal that reads back to the same float; NaN and the infinities are
 *     {@code NaN}, {@code +Inf} and {@code -Inf} (CloudQuery's);</li>
 * <li>an interval is CloudQuery's JSON object {@code {"months":14,"days":3,"nanoseconds":4000005000}}.</li>
 * </ul>
 */
final class TextForms {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private TextForms() {
    }

    static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder b = new StringBuilder(12);
        appendDate(b, d);
        return b.toString();
    }

    static String timestamp(Instant t) {
        if (t.equals(Instant.MAX)) {
            return "infinity";
        }
        if (t.equals(Instant.MIN)) {
            return "-infinity";
        }
        return localText(LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC)) + "Z";
    }

    static String localTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return localText(t);
    }

    /** {@code HH:mm:ss} and the fraction's micro digits without trailing zeros. */
    static String time(LocalTime t) {
        StringBuilder b = new StringBuilder(15);
        appendTime(b, t, false);
        return b.toString();
    }

    /** {@code HH:mm:ss.SSSSSS}, as CloudQuery's CSV writes a time. */
    static String timeSixDigits(LocalTime t) {
        StringBuilder b = new StringBuilder(15);
        appendTime(b, t, true);
        return b.toString();
    }

    /** {@link #time} and the offset, {@code +00:00} for UTC. */
    static String timeWithZone(OffsetTime t) {
        StringBuilder b = new StringBuilder(21);
        appendTime(b, t.toLocalTime(), false);
        String offset = t.getOffset().getId();
        b.append(offset.equals("Z") ? "+00:00" : offset);
        return b.toString();
    }

    /**
     * A decimal value's plain text, with as many fraction digits as a bounded type's scale (as Arrow
     * writes a decimal), or NaN, Infinity or -Infinity for those Doubles.
     */
    static String numeric(DecimalType type, Object v) {
        if (v instanceof BigDecimal d) {
            return (type.bounded() ? d.setScale(type.scale(), RoundingMode.UNNECESSARY) : d).toPlainString();
        }
        double d = (Double) v;
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    /** NaN, +Inf or -Inf for those values, null for a finite one. */
    static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d == Double.POSITIVE_INFINITY ? "+Inf" : d == Double.NEGATIVE_INFINITY ? "-Inf" : null;
    }

    /** A Float's or Double's text: {@link #nonFinite}, or the shortest decimal that reads back to it. */
    static String floating(Object v) {
        double d = ((Number) v).doubleValue();
        String special = nonFinite(d);
        return special != null ? special : v instanceof Float f ? Float.toString(f) : Double.toString(d);
    }

    /** An interval's nanoseconds, as CloudQuery counts them. */
    static long nanoseconds(Interval i) {
        try {
            return Math.multiplyExact(i.micros(), 1000L);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an interval of " + i.micros()
                    + " microseconds does not fit CloudQuery's 64-bit nanoseconds");
        }
    }

    static String interval(Interval i) {
        return "{\"months\":" + i.months() + ",\"days\":" + i.days() + ",\"nanoseconds\":" + nanoseconds(i) + "}";
    }

    /** Microseconds since midnight; {@code LocalTime.MAX} is 24:00, a whole day. */
    static long microsOfDay(LocalTime t) {
        return t.equals(LocalTime.MAX) ? MICROS_PER_DAY : t.toNanoOfDay() / 1000;
    }

    private static String localText(LocalDateTime t) {
        StringBuilder b = new StringBuilder(32);
        appendDate(b, t.toLocalDate());
        b.append('T');
        appendTime(b, t.toLocalTime(), false);
        return b.toString();
    }

    private static void appendDate(StringBuilder b, LocalDate d) {
        int year = d.getYear();
        if (year < 0) {
            b.append('-');
        }
        pad(b, Math.abs(year), 4);
        b.append('-');
        pad(b, d.getMonthValue(), 2);
        b.append('-');
        pad(b, d.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder b, LocalTime t, boolean sixDigits) {
        if (t.equals(LocalTime.MAX)) {
            b.append("24:00:00");
            if (sixDigits) {
                b.append(".000000");
            }
            return;
        }
        pad(b, t.getHour(), 2);
        b.append(':');
        pad(b, t.getMinute(), 2);
        b.append(':');
        pad(b, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros == 0 && !sixDigits) {
            return;
        }
        b.append('.');
        int start = b.length();
        pad(b, micros, 6);
        if (!sixDigits) {
            int end = b.length();
            while (end > start && b.charAt(end - 1) == '0') {
                end--;
            }
            b.setLength(end);
        }
    }

    private static void pad(StringBuilder b, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
