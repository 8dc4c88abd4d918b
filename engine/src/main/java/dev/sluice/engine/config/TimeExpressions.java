package dev.sluice.engine.config;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudQuery's {@code ${time:WHEN}} and {@code ${time:WHEN|LAYOUT}}: WHEN is an RFC 3339 time,
 * a date ({@code 2025-01-01}, midnight UTC), a duration added to now ({@code -24h}, {@code 1h30m})
 * or a human one ({@code 7 days ago}, {@code 2 hours from now}; a day is 24h, a month 30 days,
 * a year 365 days). The result is RFC 3339, or formatted with LAYOUT, a Go time layout
 * ({@code 2006-01-02}).
 */
final class TimeExpressions {
    static final String EXPECTED = "not a time (expected an RFC 3339 time, a date such as 2025-01-01, "
            + "a duration such as -24h, or 7 days ago; optionally |LAYOUT in Go's notation such as |2006-01-02)";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern GO_DURATION = Pattern.compile("([-+]?)((?:\\d*(?:\\.\\d*)?[a-zµ]+)+)");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d*(?:\\.\\d*)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern HUMAN = Pattern.compile(
            "(\\d+)\\s+(second|minute|hour|day|month|year)s?(?:\\s+(ago|from\\s+now))?");
    private static final DateTimeFormatter RFC3339_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private TimeExpressions() {
    }

    /** The expanded time, or empty when the expression is not one of the forms above. */
    static Optional<String> expand(String expression, Clock clock) {
        int bar = expression.indexOf('|');
        String when = (bar < 0 ? expression : expression.substring(0, bar)).trim();
        Optional<DateTimeFormatter> layout = bar < 0 ? Optional.of(RFC3339_OUT) : GoLayout.toFormatter(expression.substring(bar + 1));
        Optional<ZonedDateTime> time = resolve(when, clock);
        if (time.isEmpty() || layout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(layout.get().format(time.get()));
    }

    private static Optional<ZonedDateTime> resolve(String when, Clock clock) {
        try {
            if (RFC3339.matcher(when).matches()) {
                return Optional.of(OffsetDateTime.parse(when).toZonedDateTime());
            }
            if (DATE.matcher(when).matches()) {
                return Optional.of(LocalDate.parse(when).atStartOfDay(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return offset(when).map(d -> ZonedDateTime.now(clock).plus(d));
    }

    private static Optional<Duration> offset(String when) {
        Matcher human = HUMAN.matcher(when);
        if (human.matches()) {
            long n = Long.parseLong(human.group(1));
            Duration unit = switch (human.group(2)) {
                case "second" -> Duration.ofSeconds(1);
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "month" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            Duration d = unit.multipliedBy(n);
            return Optional.of("ago".equals(human.group(3)) ? d.negated() : d);
        }
        Matcher go = GO_DURATION.matcher(when);
        if (!go.matches()) {
            return Optional.empty();
        }
        Matcher part = GO_DURATION_PART.matcher(go.group(2));
        double nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            if (part.group(1).isEmpty() || part.group(1).equals(".")) {
                return Optional.empty();
            }
            nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
            end = part.end();
        }
        if (end != go.group(2).length()) {
            return Optional.empty();
        }
        Duration d = Duration.ofNanos(Math.round(nanos));
        return Optional.of(go.group(1).equals("-") ? d.negated() : d);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
