package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.Interval;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Send formats of dates, times, timestamps and intervals, counted from PostgreSQL's epoch
 * 2000-01-01 in days or microseconds; digits below the microsecond are dropped (towards the
 * past). {@code LocalDate}, {@code Instant} and {@code LocalDateTime}'s MAX and MIN are
 * PostgreSQL's {@code infinity} and {@code -infinity}; {@code LocalTime.MAX} is 24:00:00.
 */
final class TimeSend {
    /** 2000-01-01 in days from 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;
    private static final long PG_EPOCH_SECONDS = PG_EPOCH_DAY * 86_400;
    /** PostgreSQL's dates: 4714-11-24 BC to 5874897-12-31, in days from its epoch (the end excluded). */
    private static final long MIN_DAY = LocalDate.of(-4713, 11, 24).toEpochDay() - PG_EPOCH_DAY;
    private static final long END_DAY = LocalDate.of(5_874_898, 1, 1).toEpochDay() - PG_EPOCH_DAY;
    /** PostgreSQL's timestamps: 4714-11-24 00:00 BC to 294277-01-01 00:00 (excluded), in microseconds from its epoch. */
    private static final long MIN_MICROS = -211_813_488_000_000_000L;
    private static final long END_MICROS = 9_223_371_331_200_000_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** timetz's zone offset is under 16 hours either way. */
    private static final int MAX_OFFSET_SECONDS = 16 * 3600 - 1;

    private TimeSend() {
    }

    static void date(CopyBuffer out, Object v) throws SQLException {
        LocalDate d = (LocalDate) v;
        int days;
        if (d.equals(LocalDate.MAX)) {
            days = Integer.MAX_VALUE;
        } else if (d.equals(LocalDate.MIN)) {
            days = Integer.MIN_VALUE;
        } else {
            long day = d.toEpochDay() - PG_EPOCH_DAY;
            if (day < MIN_DAY || day >= END_DAY) {
                throw new BadValue("date " + d + " is outside PostgreSQL's range (4714-11-24 BC to 5874897-12-31)");
            }
            days = (int) day;
        }
        out.reserve(8);
        out.putInt(4);
        out.putInt(days);
    }

    static void time(CopyBuffer out, Object v) throws SQLException {
        ScalarSend.fixed8(out, micros((LocalTime) v));
    }

    /** The time, then the zone's offset in seconds west of UTC (PostgreSQL's sign). */
    static void timetz(CopyBuffer out, Object v) throws SQLException {
        OffsetTime t = (OffsetTime) v;
        int east = t.getOffset().getTotalSeconds();
        if (Math.abs(east) > MAX_OFFSET_SECONDS) {
            throw new BadValue("time " + t + ": PostgreSQL's time zone offsets are under 16 hours");
        }
        out.reserve(16);
        out.putInt(12);
        out.putLong(micros(t.toLocalTime()));
        out.putInt(-east);
    }

    private static long micros(LocalTime t) {
        return t.equals(LocalTime.MAX) ? MICROS_PER_DAY : t.toNanoOfDay() / 1_000;
    }

    static void timestamptz(CopyBuffer out, Object v) throws SQLException {
        Instant t = (Instant) v;
        long micros;
        if (t.equals(Instant.MAX)) {
            micros = Long.MAX_VALUE;
        } else if (t.equals(Instant.MIN)) {
            micros = Long.MIN_VALUE;
        } else {
            micros = micros(t.getEpochSecond(), t.getNano(), t);
        }
        ScalarSend.fixed8(out, micros);
    }

    /** The wall clock, as PostgreSQL's timestamp without time zone keeps it. */
    static void timestamp(CopyBuffer out, Object v) throws SQLException {
        LocalDateTime t = (LocalDateTime) v;
        long micros;
        if (t.equals(LocalDateTime.MAX)) {
            micros = Long.MAX_VALUE;
        } else if (t.equals(LocalDateTime.MIN)) {
            micros = Long.MIN_VALUE;
        } else {
            micros = micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), t);
        }
        ScalarSend.fixed8(out, micros);
    }

    private static long micros(long epochSecond, int nano, Object shown) {
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(epochSecond - PG_EPOCH_SECONDS, 1_000_000L), nano / 1_000);
        } catch (ArithmeticException e) {
            micros = Long.MIN_VALUE;
        }
        if (micros < MIN_MICROS || micros >= END_MICROS) {
            throw new BadValue("timestamp " + shown + " is outside PostgreSQL's range (4714 BC to 294276 AD)");
        }
        return micros;
    }

    static void interval(CopyBuffer out, Object v) throws SQLException {
        Interval i = (Interval) v;
        out.reserve(20);
        out.putInt(16);
        out.putLong(i.micros());
        out.putInt(i.days());
        out.putInt(i.months());
    }
}
