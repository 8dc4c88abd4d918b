package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text forms of decimals, dates, times, timestamps and intervals, and their edges. */
class SqliteTextFormsTest {
    @Test
    void decimalsArePlainExactText() {
        Map<String, String> forms = Map.of("1.10", "1.10", "-0.5", "-0.5", "1E+3", "1000", "1E-10", "0.0000000001",
                "123456789012345678901234567890.123456789012345678901234567890",
                "123456789012345678901234567890.123456789012345678901234567890", "0", "0", "0.000", "0.000");
        forms.forEach((value, text) -> {
            assertThat(SqliteDecimals.format(new BigDecimal(value))).as(value).isEqualTo(text);
            assertThat(SqliteDecimals.parse(text)).as(value).isEqualTo(new BigDecimal(text));
        });
        assertThat(SqliteDecimals.format(new BigDecimal("0E+131072"))).as("a zero of any exponent is one digit").isEqualTo("0");
        assertThat(SqliteDecimals.format(Double.NaN)).isEqualTo("NaN");
        assertThat(SqliteDecimals.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(SqliteDecimals.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(SqliteDecimals.parse("NaN")).isEqualTo(Double.NaN);
        assertThat(SqliteDecimals.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SqliteDecimals.parse("1.5e3")).isEqualTo(new BigDecimal("1.5e3")); // other writers' exponent form
    }

    @Test
    void decimalsTooLongForTextAreRefusedNotWritten() {
        assertThat(SqliteDecimals.format(new BigDecimal("1E+131071"))).hasSize(131_072);
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteDecimals.format(new BigDecimal("1E+131072")))
                .withMessageContaining("more than 131072 digits before the point or 16383 after");
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteDecimals.format(new BigDecimal("1E-16384")));
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteDecimals.format(new BigDecimal("1E+999999999")))
                .withMessageContaining("1E+999999999");
        for (String bad : List.of("", " 1", "1 ", "1,5", "0x10", "nan", "inf", "1e", "--1", ".", "1.2.3")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteDecimals.parse(bad));
        }
    }

    @Test
    void unsignedIntegersAreDigitsOnly() {
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(SqliteDecimals.parseUnsigned("18446744073709551615")).isEqualTo(max);
        for (String bad : List.of("", "-1", "+1", "1.0", "1e3", " 1")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteDecimals.parseUnsigned(bad));
        }
    }

    @Test
    void datesAreIsoWithExpandedYearsAndInfinity() {
        Map<LocalDate, String> forms = Map.of(LocalDate.of(2024, 2, 29), "2024-02-29", LocalDate.of(1, 1, 1), "0001-01-01",
                LocalDate.of(0, 1, 1), "0000-01-01", LocalDate.of(-1, 12, 31), "-0001-12-31",
                LocalDate.of(-4712, 1, 1), "-4712-01-01", LocalDate.of(10_000, 1, 1), "+10000-01-01",
                LocalDate.MAX, "infinity", LocalDate.MIN, "-infinity");
        forms.forEach((date, text) -> {
            assertThat(SqliteDates.format(date)).isEqualTo(text);
            assertThat(SqliteDates.parse(text)).isEqualTo(date);
        });
        for (String bad : List.of("2024-02-30", "2024-2-1", "20240101", "10000-01-01", "Infinity", "2024-01-01 00:00:00")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteDates.parse(bad));
        }
    }

    @Test
    void timesAreFixedWidthWith2400ForTheEndOfTheDay() {
        assertThat(SqliteTimes.format(LocalTime.MIDNIGHT)).isEqualTo("00:00:00.000000");
        assertThat(SqliteTimes.format(LocalTime.parse("12:34:56.1234567"))).isEqualTo("12:34:56.123456");
        assertThat(SqliteTimes.format(LocalTime.parse("23:59:59.999999"))).isEqualTo("23:59:59.999999");
        assertThat(SqliteTimes.format(LocalTime.MAX)).isEqualTo("24:00:00");
        assertThat(SqliteTimes.parse("24:00:00")).isEqualTo(LocalTime.MAX);
        assertThat(SqliteTimes.parse("24:00:00.000")).isEqualTo(LocalTime.MAX);
        assertThat(SqliteTimes.parse("23:59:59.999999")).isEqualTo(LocalTime.parse("23:59:59.999999"));
        assertThat(SqliteTimes.parse("12:34:56")).isEqualTo(LocalTime.parse("12:34:56"));
        for (String bad : List.of("24:00:01", "25:00:00", "12:34", "12:34:56.", "noon")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteTimes.parse(bad));
        }
    }

    @Test
    void timesWithAZoneKeepTheirOffset() {
        Map<OffsetTime, String> forms = Map.of(OffsetTime.parse("12:34:56.123456+05:30"), "12:34:56.123456+05:30",
                OffsetTime.parse("00:00:00-12:00"), "00:00:00.000000-12:00",
                OffsetTime.parse("23:59:59.999999Z"), "23:59:59.999999+00:00",
                OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)), "12:00:00.000000+01:02:03",
                OffsetTime.of(LocalTime.MAX, ZoneOffset.ofHours(-3)), "24:00:00-03:00");
        forms.forEach((time, text) -> {
            assertThat(SqliteTimes.format(time)).isEqualTo(text);
            assertThat(SqliteTimes.parseWithOffset(text)).isEqualTo(time);
        });
        for (String bad : List.of("12:00:00", "12:00:00+25:00", "12:00:00Z", "x+01:00")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteTimes.parseWithOffset(bad));
        }
    }

    @Test
    void timestampsAreUtcTextWithExpandedYearsAndInfinity() {
        Map<Instant, String> forms = Map.of(Instant.parse("2024-02-29T12:34:56.123456789Z"), "2024-02-29 12:34:56.123456",
                Instant.parse("1969-12-31T23:59:59.999999Z"), "1969-12-31 23:59:59.999999",
                Instant.parse("+10000-01-01T00:00:00Z"), "+10000-01-01 00:00:00.000000",
                Instant.parse("-4712-01-01T00:00:00Z"), "-4712-01-01 00:00:00.000000",
                Instant.MAX, "infinity", Instant.MIN, "-infinity");
        forms.forEach((t, text) -> {
            assertThat(SqliteTimestamps.format(t)).isEqualTo(text);
            assertThat(SqliteTimestamps.parse(text)).isEqualTo(t.equals(Instant.MAX) || t.equals(Instant.MIN) ? t
                    : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        });
        assertThat(SqliteTimestamps.parse("2024-02-29T12:34:56Z")).isEqualTo(Instant.parse("2024-02-29T12:34:56Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteTimestamps.format(Instant.MAX.minusSeconds(1)))
                .withMessageContaining("outside the years -999999999 to +999999999");
        assertThat(SqliteTimestamps.format(LocalDateTime.parse("2024-02-29T12:34:56.123456"))).isEqualTo("2024-02-29 12:34:56.123456");
        assertThat(SqliteTimestamps.format(LocalDateTime.MAX)).isEqualTo("infinity");
        assertThat(SqliteTimestamps.parseLocal("-infinity")).isEqualTo(LocalDateTime.MIN);
        assertThat(SqliteTimestamps.parseLocal("0001-01-01 00:00:00.000000")).isEqualTo(LocalDateTime.parse("0001-01-01T00:00:00"));
        for (String bad : List.of("2024-02-29", "2024-02-29 25:00:00", "2024-02-29 00:00:00.", "Infinity", "1709210096")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteTimestamps.parseLocal(bad));
        }
    }

    @Test
    void intervalsAreIsoDurationsWithASignPerPart() {
        Map<Interval, String> forms = Map.ofEntries(Map.entry(Interval.ZERO, "PT0S"),
                Map.entry(new Interval(14, 3, 4_000_005L), "P1Y2M3DT4.000005S"),
                Map.entry(new Interval(-1, -2, -3L), "P-1M-2DT-0.000003S"),
                Map.entry(new Interval(0, 0, 2 * 86_400_000_000L), "PT48H"),
                Map.entry(new Interval(1_200_000, -30, 123_456_789_012L), "P100000Y-30DT34H17M36.789012S"),
                Map.entry(new Interval(1, -1, 1), "P1M-1DT0.000001S"),
                Map.entry(new Interval(0, 0, -90_500_000L), "PT-1M-30.5S"),
                Map.entry(new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE),
                        "P-178956970Y-8M2147483647DT-2562047788H-54.775808S"),
                Map.entry(new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE),
                        "P178956970Y7M-2147483648DT2562047788H54.775807S"));
        forms.forEach((interval, text) -> {
            assertThat(SqliteIntervals.format(interval)).as("%s", interval).isEqualTo(text);
            assertThat(SqliteIntervals.parse(text)).as(text).isEqualTo(interval);
        });
        assertThat(SqliteIntervals.parse("P14M")).isEqualTo(new Interval(14, 0, 0)); // other writers need not normalise
        assertThat(SqliteIntervals.parse("PT1.5S")).isEqualTo(new Interval(0, 0, 1_500_000));
        for (String bad : List.of("", "P", "PT", "P1DT", "1 day", "P1.5D", "PT0.0000001S", "P1W", "p1d", "P178956971Y",
                "P3000000000D", "PT9999999999999H")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteIntervals.parse(bad));
        }
    }
}
