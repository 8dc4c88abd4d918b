package dev.sluice.engine.config;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Translates the common parts of a Go time layout ({@code 2006-01-02T15:04:05Z07:00}) to a {@link DateTimeFormatter}. */
final class GoLayout {
    /** Go layout elements, longest first so that "2006" wins over "2" and "January" over "Jan". */
    private static final List<Map.Entry<String, String>> ELEMENTS = List.of(
            Map.entry("January", "MMMM"), Map.entry("Monday", "EEEE"), Map.entry("Z07:00", "XXX"),
            Map.entry("-07:00", "xxx"), Map.entry("Z0700", "XX"), Map.entry("-0700", "xx"),
            Map.entry(".000000000", ".SSSSSSSSS"), Map.entry(".000000", ".SSSSSS"), Map.entry(".000", ".SSS"),
            Map.entry("2006", "uuuu"), Map.entry("Jan", "MMM"), Map.entry("Mon", "EEE"), Map.entry("MST", "zzz"),
            Map.entry("01", "MM"), Map.entry("02", "dd"), Map.entry("_2", "ppd"), Map.entry("15", "HH"),
            Map.entry("03", "hh"), Map.entry("04", "mm"), Map.entry("05", "ss"), Map.entry("06", "uu"),
            Map.entry("PM", "a"), Map.entry("1", "M"), Map.entry("2", "d"), Map.entry("3", "h"),
            Map.entry("4", "m"), Map.entry("5", "s"));

    private GoLayout() {
    }

    static Optional<DateTimeFormatter> toFormatter(String layout) {
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            for (Map.Entry<String, String> e : ELEMENTS) {
                if (layout.startsWith(e.getKey(), i)) {
                    flush(literal, pattern);
                    pattern.append(e.getValue());
                    i += e.getKey().length();
                    continue outer;
                }
            }
            literal.append(layout.charAt(i++));
        }
        flush(literal, pattern);
        try {
            return Optional.of(DateTimeFormatter.ofPattern(pattern.toString(), Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void flush(StringBuilder literal, StringBuilder pattern) {
        if (literal.length() > 0) {
            pattern.append('\'').append(literal.toString().replace("'", "''")).append('\'');
            literal.setLength(0);
        }
    }
}
