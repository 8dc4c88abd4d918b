package dev.sluice.connector.postgresql;

import dev.sluice.spi.Interval;

/**
 * An interval's text, exactly, in whichever {@code IntervalStyle} the session prints it
 * (the driver's own {@code PGInterval} keeps seconds as a double and loses microseconds):
 * <pre>
 * postgres          1 year 2 mons -3 days +04:05:06.000007     (the default)
 * postgres_verbose  &#64; 1 year 2 mons -3 days 4 hours 5 mins 6.000007 secs ago
 * sql_standard      1-2, 3 4:05:06.5, -4:05:06, +1-2 -3 +4:05:06 (mixed signs), 0
 * iso_8601          P1Y2M-3DT4H5M6.000007S, PT0S
 * </pre>
 * The parts are months (a year is 12), days and microseconds, each with its own sign, as
 * PostgreSQL keeps them.
 */
final class PgIntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private PgIntervalText() {
    }

    static Interval parse(String text) {
        try {
            String s = text.trim();
            if (s.startsWith("P")) {
                return iso(s);
            }
            if (s.startsWith("@")) {
                return units(s.substring(1), true);
            }
            if (s.chars().anyMatch(Character::isLetter)) {
                return units(s, false);
            }
            return sqlStandard(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a PostgreSQL interval: \"" + text + "\"", e);
        }
    }

    /** The {@code postgres} and {@code postgres_verbose} styles: numbers with units, an optional clock, an optional "ago". */
    private static Interval units(String s, boolean verbose) {
        Parts p = new Parts();
        String[] tokens = s.trim().split(" ");
        int end = tokens.length;
        int sign = 1;
        if (verbose && tokens[end - 1].equals("ago")) {
            sign = -1; // every part as printed, negated
            end--;
        }
        int i = 0;
        while (i < end) {
            String t = tokens[i];
            if (t.indexOf(':') >= 0) {
                p.micros = Math.addExact(p.micros, clock(t, sign));
                i++;
            } else if (verbose && i + 1 == end && t.equals("0")) {
                i++; // "@ 0"
            } else {
                p.add(t, tokens[i + 1], sign);
                i += 2;
            }
        }
        return p.interval();
    }

    private static Interval iso(String s) {
        Parts p = new Parts();
        boolean time = false;
        int i = 1;
        while (i < s.length()) {
            if (s.charAt(i) == 'T') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            String number = s.substring(start, i);
            char unit = s.charAt(i++);
            switch (unit) {
                case 'Y' -> p.months = Math.addExact(p.months, Math.multiplyExact(Long.parseLong(number), 12));
                case 'M' -> {
                    if (time) {
                        p.micros = Math.addExact(p.micros, Math.multiplyExact(Long.parseLong(number), 60 * MICROS_PER_SECOND));
                    } else {
                        p.months = Math.addExact(p.months, Long.parseLong(number));
                    }
                }
                case 'W' -> p.days = Math.addExact(p.days, Math.multiplyExact(Long.parseLong(number), 7));
                case 'D' -> p.days = Math.addExact(p.days, Long.parseLong(number));
                case 'H' -> p.micros = Math.addExact(p.micros, Math.multiplyExact(Long.parseLong(number), 3600 * MICROS_PER_SECOND));
                case 'S' -> p.micros = Math.addExact(p.micros, seconds(number, 1));
                default -> throw new IllegalArgumentException("unit " + unit);
            }
        }
        return p.interval();
    }

    /**
     * SQL standard: {@code Y-M}, {@code D H:MM:SS} or {@code H:MM:SS}, all negated by one leading
     * minus; or, when the parts' signs differ or both year-month and day-time parts are set,
     * all three groups each with its sign ({@code +1-2 -3 +4:05:06}).
     */
    private static Interval sqlStandard(String s) {
        if (s.equals("0")) {
            return Interval.ZERO;
        }
        String[] tokens = s.split(" ");
        Parts p = new Parts();
        if (tokens.length == 3) {
            p.months = yearMonth(tokens[0], 1);
            p.days = Long.parseLong(tokens[1]);
            p.micros = clock(tokens[2], 1);
            return p.interval();
        }
        int sign = s.startsWith("-") ? -1 : 1;
        String[] unsigned = (sign < 0 ? s.substring(1) : s).split(" ");
        if (unsigned.length == 2) {
            p.days = sign * Long.parseLong(unsigned[0]);
            p.micros = clock(unsigned[1], sign);
        } else if (unsigned.length == 1 && unsigned[0].indexOf(':') >= 0) {
            p.micros = clock(unsigned[0], sign);
        } else if (unsigned.length == 1) {
            p.months = yearMonth(unsigned[0], sign);
        } else {
            throw new IllegalArgumentException("parts " + s);
        }
        return p.interval();
    }

    /** {@code [+-]Y-M}: the sign covers both; {@code outer} (1 or -1) multiplies the result. */
    private static long yearMonth(String t, int outer) {
        int sign = outer * (t.startsWith("-") ? -1 : 1);
        String u = unsigned(t);
        int dash = u.indexOf('-');
        return sign * (Long.parseLong(u.substring(0, dash)) * 12 + Long.parseLong(u.substring(dash + 1)));
    }

    /** {@code [+-]H:MM:SS[.ffffff]} as microseconds: the sign covers every part; {@code outer} multiplies it. */
    private static long clock(String t, int outer) {
        int sign = outer * (t.startsWith("-") ? -1 : 1);
        String[] hms = unsigned(t).split(":");
        if (hms.length != 3) {
            throw new IllegalArgumentException("clock " + t);
        }
        long micros = Math.multiplyExact(sign * Long.parseLong(hms[0]), 3600 * MICROS_PER_SECOND);
        micros = Math.addExact(micros, sign * Long.parseLong(hms[1]) * 60 * MICROS_PER_SECOND);
        return Math.addExact(micros, seconds(hms[2], sign));
    }

    /** {@code [+-]S[.ffffff]} as microseconds, exactly; {@code outer} multiplies it. */
    private static long seconds(String t, int outer) {
        int sign = outer * (t.startsWith("-") ? -1 : 1);
        String u = unsigned(t);
        int dot = u.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? u : u.substring(0, dot));
        long fraction = 0;
        if (dot >= 0) {
            String digits = u.substring(dot + 1);
            if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("seconds " + t);
            }
            fraction = Long.parseLong((digits + "00000").substring(0, 6));
        }
        return Math.addExact(Math.multiplyExact(sign * whole, MICROS_PER_SECOND), sign * fraction);
    }

    private static String unsigned(String t) {
        String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (u.startsWith("-") || u.startsWith("+")) {
            throw new IllegalArgumentException("two signs: " + t);
        }
        return u;
    }

    /** Months, days and microseconds being summed. */
    private static final class Parts {
        long months;
        long days;
        long micros;

        void add(String number, String unit, int sign) {
            String u = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
            switch (u) {
                case "year" -> months = Math.addExact(months, sign * Long.parseLong(number) * 12);
                case "mon" -> months = Math.addExact(months, sign * Long.parseLong(number));
                case "day" -> days = Math.addExact(days, sign * Long.parseLong(number));
                case "hour" -> micros = Math.addExact(micros, Math.multiplyExact(sign * Long.parseLong(number), 3600 * MICROS_PER_SECOND));
                case "min" -> micros = Math.addExact(micros, Math.multiplyExact(sign * Long.parseLong(number), 60 * MICROS_PER_SECOND));
                case "sec" -> micros = Math.addExact(micros, seconds(number, sign));
                default -> throw new IllegalArgumentException("unit " + unit);
            }
        }

        Interval interval() {
            return new Interval(Math.toIntExact(months), Math.toIntExact(days), micros);
        }
    }
}
