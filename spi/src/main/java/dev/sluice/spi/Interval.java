package dev.sluice.spi;

/**
 * An interval value: months, days and microseconds kept apart, as PostgreSQL's {@code interval}
 * and Arrow's {@code month_day_nano_interval} keep them (a month is not a fixed number of days,
 * nor a day a fixed number of microseconds across a daylight-saving change).
 *
 * @param months whole months (a year is 12)
 * @param days   whole days
 * @param micros microseconds; may exceed a day and may have a sign of its own
 */
public record Interval(int months, int days, long micros) {
    public static final Interval ZERO = new Interval(0, 0, 0);
}
