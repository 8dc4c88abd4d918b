package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text forms Sluice parses itself: dates and times, intervals in every style, arrays. */
class PgTextFormsTest {

    @Test
    void datesAndTimesIncludingInfinityBcAnd2400() {
        assertThat(PgTemporal.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PgTemporal.date("0044-03-15 BC")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(PgTemporal.date("5874897-12-31")).isEqualTo(LocalDate.of(5874897, 12, 31));
        assertThat(PgTemporal.date("infinity")).isEqualTo(LocalDate.MAX);
        assertThat(PgTemporal.date("-infinity")).isEqualTo(LocalDate.MIN);
        assertThat(PgTemporal.time("24:00:00")).isEqualTo(LocalTime.MAX);
        assertThat(PgTemporal.time("12:34:56.5")).isEqualTo(LocalTime.of(12, 34, 56, 500_000_000));
        assertThat(PgTemporal.time("00:00:00.000001")).isEqualTo(LocalTime.of(0, 0, 0, 1000));
        assertThat(PgTemporal.timetz("24:00:00+05:30")).isEqualTo(OffsetTime.of(LocalTime.MAX, java.time.ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(PgTemporal.timetz("12:34:56.123456-05:53:28")).isEqualTo(OffsetTime.parse("12:34:56.123456-05:53:28"));
        assertThat(PgTemporal.timetz("01:02:03+00")).isEqualTo(OffsetTime.parse("01:02:03Z"));
        assertThat(PgTemporal.localTimestamp("4713-01-01 00:00:00 BC")).isEqualTo(LocalDateTime.of(-4712, 1, 1, 0, 0));
        assertThat(PgTemporal.localTimestamp("294276-12-31 23:59:59.999999"))
                .isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(PgTemporal.localTimestamp("infinity")).isEqualTo(LocalDateTime.MAX);
        assertThat(PgTemporal.instant("2020-06-01 12:00:00.123456+02")).isEqualTo(Instant.parse("2020-06-01T10:00:00.123456Z"));
        assertThat(PgTemporal.instant("1900-01-01 00:00:00+00:09:21")).isEqualTo(Instant.parse("1899-12-31T23:50:39Z"));
        assertThat(PgTemporal.instant("0001-01-01 00:00:00+00 BC")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(PgTemporal.instant("2020-06-01 12:00:00")).as("no offset: UTC").isEqualTo(Instant.parse("2020-06-01T12:00:00Z"));
        assertThat(PgTemporal.instant("-infinity")).isEqualTo(Instant.MIN);
        assertThatThrownBy(() -> PgTemporal.date("2024-2-29")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgTemporal.time("12:34:56.1234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesAndTimesInBinary() {
        assertThat(PgTemporal.dateBinary(new byte[] {0, 0, 0, 0})).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(PgTemporal.dateBinary(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(PgTemporal.dateBinary(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})).isEqualTo(LocalDate.MAX);
        assertThat(PgTemporal.dateBinary(new byte[] {(byte) 0x80, 0, 0, 0})).isEqualTo(LocalDate.MIN);
        assertThat(PgTemporal.timeBinary(java.nio.ByteBuffer.allocate(8).putLong(86_400_000_000L).array())).isEqualTo(LocalTime.MAX);
        assertThat(PgTemporal.timetzBinary(java.nio.ByteBuffer.allocate(12).putLong(1_000_001L).putInt(-19800).array()))
                .isEqualTo(OffsetTime.parse("00:00:01.000001+05:30"));
        assertThat(PgTemporal.instantBinary(java.nio.ByteBuffer.allocate(8).putLong(-1).array()))
                .isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(PgTemporal.instantBinary(java.nio.ByteBuffer.allocate(8).putLong(Long.MAX_VALUE).array())).isEqualTo(Instant.MAX);
        assertThat(PgTemporal.localTimestampBinary(java.nio.ByteBuffer.allocate(8).putLong(Long.MIN_VALUE).array()))
                .isEqualTo(LocalDateTime.MIN);
    }

    @Test
    void intervalsInEveryStyle() {
        Interval v = new Interval(14, -3, 4 * 3_600_000_000L + 5 * 60_000_000L + 6_000_007L);
        assertThat(PgIntervalText.parse("1 year 2 mons -3 days +04:05:06.000007")).isEqualTo(v);
        assertThat(PgIntervalText.parse("@ 1 year 2 mons -3 days 4 hours 5 mins 6.000007 secs")).isEqualTo(v);
        assertThat(PgIntervalText.parse("+1-2 -3 +4:05:06.000007")).isEqualTo(v);
        assertThat(PgIntervalText.parse("P1Y2M-3DT4H5M6.000007S")).isEqualTo(v);

        Interval negative = new Interval(-14, -3, -6_500_000L);
        assertThat(PgIntervalText.parse("-1 years -2 mons -3 days -00:00:06.5")).isEqualTo(negative);
        assertThat(PgIntervalText.parse("@ 1 year 2 mons 3 days 6.5 secs ago")).isEqualTo(negative);
        assertThat(PgIntervalText.parse("-1-2 -3 -0:00:06.5")).isEqualTo(negative);
        assertThat(PgIntervalText.parse("P-1Y-2M-3DT-6.5S")).isEqualTo(negative);

        assertThat(PgIntervalText.parse("00:00:00")).isEqualTo(Interval.ZERO);
        assertThat(PgIntervalText.parse("@ 0")).isEqualTo(Interval.ZERO);
        assertThat(PgIntervalText.parse("0")).isEqualTo(Interval.ZERO);
        assertThat(PgIntervalText.parse("PT0S")).isEqualTo(Interval.ZERO);
        assertThat(PgIntervalText.parse("-1-2")).isEqualTo(new Interval(-14, 0, 0));
        assertThat(PgIntervalText.parse("-3 4:05:06")).isEqualTo(new Interval(0, -3, -14_706_000_000L));
        assertThat(PgIntervalText.parse("-2562047788:00:54.775808")).isEqualTo(new Interval(0, 0, Long.MIN_VALUE));
        assertThat(PgIntervalText.parse("2562047788:00:54.775807")).isEqualTo(new Interval(0, 0, Long.MAX_VALUE));
        assertThat(PgIntervalText.parse("-178956970 years -8 mons")).isEqualTo(new Interval(Integer.MIN_VALUE, 0, 0));
        assertThatThrownBy(() -> PgIntervalText.parse("1 fortnight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 fortnight");
    }

    @Test
    void arraysNestedQuotedAndNull() {
        assertThat(PgArrayText.parse("{}", 2, s -> s)).isEmpty();
        assertThat(PgArrayText.parse("{1,NULL,3}", 1, Long::valueOf)).isEqualTo(Arrays.asList(1L, null, 3L));
        assertThat(PgArrayText.parse("{\"a b\",\"\\\"q\\\"\",NULL,\"NULL\",\"\",\"back\\\\slash\",\"{,}\"}", 1, s -> s))
                .isEqualTo(Arrays.asList("a b", "\"q\"", null, "NULL", "", "back\\slash", "{,}"));
        assertThat(PgArrayText.parse("{{1,2},{3,NULL}}", 2, Long::valueOf))
                .isEqualTo(List.of(List.of(1L, 2L), Arrays.asList(3L, null)));
        assertThat(PgArrayText.parse("[0:1]={7,8}", 1, Long::valueOf)).isEqualTo(List.of(7L, 8L));
        // the server leaves elements with white space other than its own six unquoted: it is part of them
        assertThat(PgArrayText.parse("{\u3000a\u3000,\u001Fb\u2028, c\t}", 1, s -> s))
                .isEqualTo(List.of("\u3000a\u3000", "\u001Fb\u2028", "c"));
        assertThat(PgArrayText.parse("{{{x}}}", 3, s -> s)).isEqualTo(List.of(List.of(List.of("x"))));
        assertThatThrownBy(() -> PgArrayText.parse("{{1,2}}", 1, Long::valueOf))
                .isInstanceOfSatisfying(PgArrayText.DimensionsMismatch.class, e -> assertThat(e.found).isEqualTo(2));
        assertThatThrownBy(() -> PgArrayText.parse("{1,2}", 2, Long::valueOf))
                .isInstanceOfSatisfying(PgArrayText.DimensionsMismatch.class, e -> assertThat(e.found).isEqualTo(1));
        assertThatThrownBy(() -> PgArrayText.parse("{1,2", 1, Long::valueOf)).isInstanceOf(IllegalArgumentException.class);
    }
}
