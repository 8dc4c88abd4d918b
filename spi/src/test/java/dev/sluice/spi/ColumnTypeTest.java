package dev.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each type's CloudQuery name, value class and rule for values that do not fit. */
class ColumnTypeTest {

    @Test
    void namesAreCloudQuerysArrowNames() {
        assertThat(List.of(ColumnType.BOOL, ColumnType.INT8, ColumnType.INT16, ColumnType.INT32, ColumnType.INT64,
                ColumnType.UINT8, ColumnType.UINT16, ColumnType.UINT32, ColumnType.UINT64, ColumnType.FLOAT32,
                ColumnType.FLOAT64, ColumnType.decimal(19, 10), ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP,
                ColumnType.LOCAL_TIMESTAMP, ColumnType.INTERVAL, ColumnType.STRING, ColumnType.varchar(3), ColumnType.BYTES,
                ColumnType.UUID, ColumnType.JSON, ColumnType.INET, ColumnType.MAC, ColumnType.STRING_LIST,
                ColumnType.list(ColumnType.INT64_LIST)).stream().map(ColumnType::displayName))
                .containsExactly("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32",
                        "float64", "decimal(19, 10)", "date32", "time64[us]", "timestamp[us, tz=UTC]", "timestamp[us]",
                        "month_day_nano_interval", "utf8", "utf8", "binary", "uuid", "json", "inet", "mac",
                        "list<item: utf8, nullable>", "list<item: list<item: int64, nullable>, nullable>");
    }

    @Test
    void typesAreValues() {
        assertThat(ColumnType.decimal(10, 2)).isEqualTo(new ColumnType.DecimalType(10, 2)).isNotEqualTo(ColumnType.decimal(10, 3));
        assertThat(ColumnType.list(ColumnType.STRING)).isEqualTo(ColumnType.STRING_LIST);
        assertThat(ColumnType.list(ColumnType.INT64_LIST).dimensions()).isEqualTo(2);
        assertThat(ColumnType.list(ColumnType.INT64_LIST).scalar()).isEqualTo(ColumnType.INT64);
        assertThat(ColumnType.varchar(5)).isNotEqualTo(ColumnType.fixedChar(5)).isNotEqualTo(ColumnType.STRING);
    }

    @Test
    void integersFitTheirRange() {
        assertThat(ColumnType.INT8.accepts(127L)).isTrue();
        assertThat(ColumnType.INT8.accepts(128L)).isFalse();
        assertThat(ColumnType.INT8.accepts(-128L)).isTrue();
        assertThat(ColumnType.UINT8.accepts(-1L)).isFalse();
        assertThat(ColumnType.UINT32.accepts(4_294_967_295L)).isTrue();
        assertThat(ColumnType.UINT32.accepts(4_294_967_296L)).isFalse();
        assertThat(ColumnType.INT64.accepts(Long.MIN_VALUE)).isTrue();
        assertThat(ColumnType.INT32.accepts(1)).as("an Integer is not an integer type's value class").isFalse();
        assertThat(ColumnType.UINT64.accepts(BigInteger.ONE.shiftLeft(64))).isFalse();
        assertThat(ColumnType.UINT64.accepts(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))).isTrue();
        assertThat(ColumnType.INT16.whyNot(40_000L)).isEqualTo("40000 is outside int16's range (-32768 to 32767)");
        assertThat(ColumnType.UINT64.whyNot(BigInteger.valueOf(-1))).isEqualTo("-1 is outside uint64's range (0 to 2^64-1)");
        assertThatThrownBy(() -> new ColumnType.IntType(24, true)).hasMessageContaining("not 24");
    }

    @Test
    void floatsKeepTheirWidth() {
        assertThat(ColumnType.FLOAT32.accepts(32.38f)).isTrue();
        assertThat(ColumnType.FLOAT32.accepts(32.38)).isFalse();
        assertThat(ColumnType.FLOAT64.accepts(Double.NaN)).isTrue();
    }

    @Test
    void decimalsAreNeverRounded() {
        ColumnType.DecimalType money = ColumnType.decimal(5, 2);
        assertThat(money.accepts(new BigDecimal("999.99"))).isTrue();
        assertThat(money.accepts(new BigDecimal("999.990000"))).as("trailing zeros aside").isTrue();
        assertThat(money.accepts(new BigDecimal("-999.99"))).isTrue();
        assertThat(money.accepts(new BigDecimal("1000"))).isFalse();
        assertThat(money.accepts(new BigDecimal("0.001"))).isFalse();
        assertThat(money.accepts(new BigDecimal("1E+2"))).isTrue();
        assertThat(money.accepts(BigDecimal.ZERO.setScale(9))).isTrue();
        assertThat(money.accepts(Double.NaN)).isTrue();
        assertThat(money.accepts(Double.POSITIVE_INFINITY)).as("PostgreSQL refuses it in numeric(p,s)").isFalse();
        assertThat(money.whyNot(Double.NEGATIVE_INFINITY)).isEqualTo("a decimal of bounded precision cannot be infinite; only numeric can");
        assertThat(money.whyNot(new BigDecimal("0.001")))
                .isEqualTo("0.001 does not fit decimal(5, 2) (at most 3 digits before the point and 2 after; Sluice does not round)");
        assertThat(ColumnType.NUMERIC.accepts(new BigDecimal("1E-1000"))).isTrue();
        assertThat(ColumnType.NUMERIC.accepts(Double.NaN)).isTrue();
        assertThat(ColumnType.NUMERIC.accepts(Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(ColumnType.NUMERIC.accepts(1.5)).as("only the special values travel as Double").isFalse();
        assertThat(ColumnType.NUMERIC.whyNot(1.5)).isEqualTo("a numeric value cannot be a float64 value");
        assertThatThrownBy(() -> ColumnType.decimal(1001, 0)).hasMessageContaining("1 to 1000");
    }

    @Test
    void temporalTypesTakeTheirJavaTimeClass() {
        assertThat(ColumnType.DATE.accepts(LocalDate.MAX)).isTrue();
        assertThat(ColumnType.TIME.accepts(LocalTime.MAX)).isTrue();
        assertThat(ColumnType.TIME.accepts(OffsetTime.MAX)).isFalse();
        assertThat(ColumnType.TIMETZ.accepts(OffsetTime.MAX)).isTrue();
        assertThat(ColumnType.TIMESTAMP.accepts(Instant.MIN)).isTrue();
        assertThat(ColumnType.TIMESTAMP.accepts(LocalDateTime.MIN)).isFalse();
        assertThat(ColumnType.LOCAL_TIMESTAMP.accepts(LocalDateTime.MIN)).isTrue();
        assertThat(ColumnType.INTERVAL.accepts(new Interval(1, 2, 3))).isTrue();
    }

    @Test
    void boundedStringsCountCharactersNotUtf16Units() {
        assertThat(ColumnType.varchar(2).accepts("🚀🚀")).isTrue();
        assertThat(ColumnType.varchar(2).accepts("🚀🚀🚀")).isFalse();
        assertThat(ColumnType.varchar(2).whyNot("abc")).isEqualTo("a value of 3 characters does not fit the column's 2");
        assertThatThrownBy(() -> new ColumnType.StringType(0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsCheckEveryElementAtEveryDepth() {
        ColumnType grid = ColumnType.list(ColumnType.list(ColumnType.INT16));
        assertThat(grid.accepts(List.of(List.of(1L, 2L), Arrays.asList(3L, null)))).isTrue();
        assertThat(grid.accepts(Arrays.asList(null, List.of()))).isTrue();
        assertThat(grid.accepts(List.of(List.of(1L, 70_000L)))).isFalse();
        assertThat(grid.whyNot(List.of(List.of(1L, 70_000L))))
                .isEqualTo("an element: an element: 70000 is outside int16's range (-32768 to 32767)");
        assertThat(grid.accepts(List.of(1L))).as("a flat list where a grid was declared").isFalse();
        assertThat(ColumnType.STRING_LIST.accepts(List.of(1L))).isFalse();
        assertThat(ColumnType.STRING_LIST.whyNot(List.of(1L))).isEqualTo("an element: a utf8 value cannot be an int64 value");
        assertThat(ColumnType.DATE.whyNot(List.of(List.of(1L)))).isEqualTo("a date32 value cannot be a list<list<int64>> value");
        assertThat(ColumnType.STRING_LIST.whyNot(new Object())).isEqualTo("a list<item: utf8, nullable> value cannot be a value of a kind Sluice has no type for");
    }

    @Test
    void nullFitsEveryType() {
        for (ColumnType t : List.of(ColumnType.BOOL, ColumnType.INT8, ColumnType.UINT64, ColumnType.FLOAT32, ColumnType.NUMERIC,
                ColumnType.DATE, ColumnType.TIMETZ, ColumnType.INTERVAL, ColumnType.fixedChar(1), ColumnType.BYTES,
                ColumnType.UUID, ColumnType.JSON, ColumnType.CIDR, ColumnType.MAC8, ColumnType.INT64_LIST)) {
            assertThat(t.accepts(null)).as(t.displayName()).isTrue();
        }
    }
}
