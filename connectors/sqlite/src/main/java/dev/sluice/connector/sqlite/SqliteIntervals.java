package dev.sluice.connector.sqlite;

import dev.sluice.spi.Interval;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intervals as ISO 8601 durations with a sign on each part, the form PostgreSQL's
 * {@code intervalstyle = iso_8601} prints and reads: months as years and months, days, then
 * the microseconds as hours, minutes and seconds, each part present only if it is not zero:
 * {@code 'P1Y2M3DT4H5M6.000007S'}, {@code 'P-1M-2DT-0.000003S'}, {@code 'PT48H'},
 * {@code 'PT0S'} for zero. The three parts of an {@link Interval} are kept apart exactly (a
 * month is never turned into days, nor a day into hours).
 */
final class SqliteIntervals {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final Pattern FORM = Pattern.compile(
            "P(?:(-?\\d+)Y)?(?:(-?\\d+)M)?(?:(-?\\d+)D)?(?:T(?:(-?\\d+)H)?(?:(-?\\d+)M)?(?:(-?)(\\d+)(?:\\.(\\d{1,6}))?S)?)?");

    private SqliteIntervals() {
    }

    static String format(Interval interval) {
        StringBuilder b = new StringBuilder("P");
        part(b, interval.months() / 12, 'Y');
        part(b, interval.months() % 12, 'M');
        part(b, interval.days(), 'D');
        long micros = interval.micros();
        if (micros != 0) {
            b.append('T');
            part(b, micros / MICROS_PER_HOUR, 'H');
            part(b, micros % MICROS_PER_HOUR / MICROS_PER_MINUTE, 'M');
            long seconds = micros % MICROS_PER_MINUTE; // |seconds| < a minute: no overflow below
            if (seconds != 0) {
                long abs = Math.abs(seconds);
                b.append(seconds < 0 ? "-" : "").append(abs / MICROS_PER_SECOND);
                if (abs % MICROS_PER_SECOND != 0) {
                    String fraction = String.format(Locale.ROOT, "%06d", abs % MICROS_PER_SECOND);
                    b.append('.').append(fraction.replaceFirst("0+$", ""));
                }
                b.append('S');
            }
        }
        return b.length() == 1 ? "PT0S" : b.toString();
    }

    static Interval parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || text.equals("P") || text.endsWith("T")) {
            throw new IllegalArgumentException("not an ISO 8601 duration");
        }
        try {
            long months = Math.addExact(Math.multiplyExact(number(m.group(1)), 12), number(m.group(2)));
            long micros = Math.addExact(Math.multiplyExact(number(m.group(4)), MICROS_PER_HOUR),
                    Math.multiplyExact(number(m.group(5)), MICROS_PER_MINUTE));
            if (m.group(7) != null) {
                String fraction = m.group(8) == null ? "" : m.group(8);
                long seconds = Math.addExact(Math.multiplyExact(Long.parseLong(m.group(7)), MICROS_PER_SECOND),
                        fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000").substring(0, 6)));
                micros = Math.addExact(micros, m.group(6).isEmpty() ? seconds : -seconds);
            }
            return new Interval(Math.toIntExact(months), Math.toIntExact(number(m.group(3))), micros);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("a part of the duration is too large");
        }
    }

    private static void part(StringBuilder b, long value, char designator) {
        if (value != 0) {
            b.append(value).append(designator);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
