package dev.sluice.connector.postgresql.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ColumnType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The send formats' fiddly parts, byte for byte, without a server (PgTypeWriteIT checks them against one). */
class SendFormatsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1.5              | 0     | 0      | 1  | 1 5000",
            "-1234567.891     | 1     | 16384  | 3  | 123 4567 8910",
            "1E+100           | 25    | 0      | 0  | 1",
            "0.0000000001     | -3    | 0      | 10 | 100",
            "10000            | 1     | 0      | 0  | 1",
            "100000000.0000   | 2     | 0      | 4  | 1",
            "0.00             | 0     | 0      | 2  | ''",
            "0E+3             | 0     | 0      | 0  | ''",
            "-0.5             | -1    | 16384  | 1  | 5000",
            "12345678901234567890 | 4 | 0      | 0  | 1234 5678 9012 3456 7890"})
    void numericIsBase10000DigitsAlignedOnThePoint(String value, int weight, int sign, int scale, String digits)
            throws SQLException {
        ByteBuffer b = encode(out -> NumericSend.decimal(out, new BigDecimal(value)));
        List<Integer> groups = digits.isEmpty() ? List.of() : Arrays.stream(digits.split(" ")).map(Integer::valueOf).toList();
        assertThat(b.getInt()).isEqualTo(8 + 2 * groups.size());
        assertThat(List.of((int) b.getShort(), (int) b.getShort(), b.getShort() & 0xffff, (int) b.getShort()))
                .containsExactly(groups.size(), weight, sign, scale);
        List<Integer> got = new ArrayList<>();
        while (b.hasRemaining()) {
            got.add((int) b.getShort());
        }
        assertThat(got).isEqualTo(groups);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "9999", "10000", "100000000", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "18446744073709550000"})
    void uint64IsTheSameNumericAsItsDigits(String value) throws SQLException {
        java.math.BigInteger v = new java.math.BigInteger(value);
        assertThat(hex(out -> ScalarSend.uint64(out, v))).isEqualTo(hex(out -> NumericSend.digits(out, false, value, 0)));
    }

    @Test
    void numericSpecialValuesAreSignWords() throws SQLException {
        FieldWriter w = NumericSend.writer(ColumnType.NUMERIC);
        assertThat(hex(out -> w.write(out, Double.NaN))).isEqualTo("00000008" + "0000" + "0000" + "c000" + "0000");
        assertThat(hex(out -> w.write(out, Double.POSITIVE_INFINITY))).isEqualTo("00000008" + "0000" + "0000" + "d000" + "0000");
        assertThat(hex(out -> w.write(out, Double.NEGATIVE_INFINITY))).isEqualTo("00000008" + "0000" + "0000" + "f000" + "0000");
        assertThatThrownBy(() -> encode(out -> NumericSend.writer(ColumnType.decimal(5, 2)).write(out, Double.NEGATIVE_INFINITY)))
                .isInstanceOf(BadValue.class).hasMessageContaining("-Infinity does not fit decimal(5, 2)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "192.168.0.1       | c0a80001                         | 32",
            "192.168.1.5/24    | c0a80105                         | 24",
            "0.0.0.0/0         | 00000000                         | 0",
            "::                | 00000000000000000000000000000000 | 128",
            "::1               | 00000000000000000000000000000001 | 128",
            "1::               | 00010000000000000000000000000000 | 128",
            "2001:DB8::1/64    | 20010db8000000000000000000000001 | 64",
            "::ffff:1.2.3.4    | 00000000000000000000ffff01020304 | 128",
            "1:2:3:4:5:6:7::   | 00010002000300040005000600070000 | 128",
            "1:2:3:4:5:6:7:8   | 00010002000300040005000600070008 | 128"})
    void inetTextIsParsedHere(String text, String bytes, int bits) {
        InetSend.Address a = InetSend.parse(text, false);
        assertThat(HexFormat.of().formatHex(a.bytes())).isEqualTo(bytes);
        assertThat(a.bits()).isEqualTo(bits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4/", "1.2.3.4/33",
            "1.2.3.4/-1", " 1.2.3.4", "1.2.3.4 ", "::1/129", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "1:2:3:4:5:6:7:8::",
            "12345::", "fe80::1%eth0", "::1.2.3", "1.2.3.4::", "::g", "١.٢.٣.٤", "0x1.2.3.4"})
    void anythingElseIsNotAnAddress(String text) {
        assertThatThrownBy(() -> InetSend.parse(text, false)).isInstanceOf(BadValue.class)
                .hasMessageContaining("is not an IP address").hasMessageContaining("host names are not looked up");
    }

    @Test
    void aNetworkHasNoBitsRightOfItsMask() {
        assertThat(InetSend.parse("10.0.0.0/8", true).bits()).isEqualTo(8);
        assertThat(InetSend.parse("1.2.3.4", true).bits()).isEqualTo(32);
        assertThatThrownBy(() -> InetSend.parse("10.0.0.1/8", true)).isInstanceOf(BadValue.class)
                .hasMessageContaining("bits are set right of the /8 mask");
        assertThatThrownBy(() -> InetSend.parse("2001:db8::1/32", true)).isInstanceOf(BadValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08:00:2b:01:02:03", "08-00-2b-01-02-03", "08002b:010203", "08002b-010203", "0800.2b01.0203",
            "0800-2b01-0203", "08002b010203", "08:00:2B:01:02:03", "8:0:2b:1:2:3"})
    void macAddressesInEveryFormPostgresqlAccepts(String text) {
        assertThat(HexFormat.of().formatHex(MacSend.parse(text, 6))).isEqualTo("08002b010203");
        assertThat(HexFormat.of().formatHex(MacSend.parse(text, 8))).isEqualTo("08002bfffe010203");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "08:00:2b:01:02", "08:00:2b:01:02:03:04", "08:00:2b-01:02:03", "08:00:2b:01:02:0g",
            "08002b01020", "08::2b:01:02:03", "08:00:2b:01:02:03:04:05:06"})
    void otherMacTextIsRefused(String text) {
        assertThatThrownBy(() -> MacSend.parse(text, 6)).isInstanceOf(BadValue.class).hasMessageContaining("is not a");
    }

    @Test
    void aTwoDimensionalArrayHasBothDimensionsAndItsNullFlag() throws SQLException {
        ArrayWriter w = new ArrayWriter(ColumnType.list(ColumnType.INT64_LIST), ScalarSend::int8, 20);
        assertThat(hex(out -> w.write(out, List.of(List.of(1L, 2L), Arrays.asList(3L, null))))).isEqualTo(
                "00000044" + "00000002" + "00000001" + "00000014" + "00000002" + "00000001" + "00000002" + "00000001"
                        + "00000008" + "0000000000000001" + "00000008" + "0000000000000002"
                        + "00000008" + "0000000000000003" + "ffffffff");
        assertThat(hex(out -> w.write(out, List.of()))).isEqualTo("0000000c" + "00000000" + "00000000" + "00000014");
        assertThat(hex(out -> w.write(out, List.of(List.of(), List.of())))).isEqualTo("0000000c" + "00000000" + "00000000" + "00000014");
    }

    @Test
    void anArrayElementThatDoesNotFitIsNamedByItsPosition() {
        ArrayWriter w = new ArrayWriter(ColumnType.list(ColumnType.list(ColumnType.INET)), InetSend.writer(false), 869);
        assertThatThrownBy(() -> encode(out -> w.write(out, List.of(List.of("1.2.3.4", "::1"), List.of("10.0.0.1", "x")))))
                .isInstanceOf(BadValue.class).hasMessage("element [2][2]: \"x\" is not an IP address: PostgreSQL's inet"
                        + " takes an IPv4 or IPv6 address, optionally with a prefix, such as 192.168.0.1, 10.1.2.3/8 or"
                        + " 2001:db8::1 (host names are not looked up)");
        assertThatThrownBy(() -> encode(out -> w.write(out, List.of(List.of("1.2.3.4"), List.of("1.2.3.4", "::1")))))
                .isInstanceOf(BadValue.class).hasMessageContaining("element [2] has 2 elements where the first at its depth has 1");
    }

    @Test
    void anArrayElementOfTheWrongKindIsNamedInSluicesTypes() {
        ArrayWriter w = new ArrayWriter(ColumnType.list(ColumnType.INT64_LIST), ScalarSend::int8, 20);
        assertThatThrownBy(() -> encode(out -> w.write(out, List.of(List.of(1L), List.of("x")))))
                .isInstanceOf(BadValue.class).hasMessage("element [2][1]: an int64 column cannot hold a utf8 value");
        assertThatThrownBy(() -> encode(out -> w.write(out, List.of(List.of(1L), 2L))))
                .isInstanceOf(BadValue.class).hasMessage("element [2] is not a list where a 1-dimensional list was expected");
        assertThatThrownBy(() -> encode(out -> w.write(out, "[[1]]"))).isInstanceOf(BadValue.class)
                .hasMessage("a list<item: list<item: int64, nullable>, nullable> column cannot hold a utf8 value");
        ArrayWriter small = new ArrayWriter(ColumnType.list(ColumnType.INT16), ScalarSend::int2, 21);
        assertThatThrownBy(() -> encode(out -> small.write(out, List.of(1L, 70_000L)))).isInstanceOf(BadValue.class)
                .hasMessage("element [2]: 70000 is outside int16's range (-32768 to 32767)");
    }

    @Test
    void aLargeArrayGoesThroughTheSpill() throws SQLException {
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            big.add("element " + i);
        }
        ArrayWriter w = new ArrayWriter(ColumnType.STRING_LIST, ScalarSend::text, 25);
        ByteBuffer b = encode(out -> w.write(out, big));
        assertThat(b.getInt()).isEqualTo(b.remaining());
        assertThat(b.getInt(16)).isEqualTo(20_000);
    }

    @Test
    void elementTypesComeFromTheTargetColumnsType() {
        assertThat(PgOids.element("timestamp without time zone[]")).isEqualTo(1114);
        assertThat(PgOids.element("timestamp with time zone[]")).isEqualTo(1184);
        assertThat(PgOids.element("character varying(10)[]")).isEqualTo(1043);
        assertThat(PgOids.element("numeric(20,0)[]")).isEqualTo(1700);
        assertThat(PgOids.element("numeric(5,-2)[]")).isEqualTo(1700);
        assertThat(PgOids.element("character(5)[]")).isEqualTo(1042);
    }

    @Test
    void aValueOfTheWrongKindIsNamedInSluicesTypes() {
        assertThat(ValueErrors.whyNot(ColumnType.INT32, 5_000_000_000L)).isEqualTo("5000000000 is outside int32's range"
                + " (-2147483648 to 2147483647)");
        assertThat(ValueErrors.whyNot(ColumnType.DATE, "2024-01-01")).isEqualTo("a date32 column cannot hold a utf8 value");
        assertThat(ValueErrors.whyNot(ColumnType.INT64, 5)).isEqualTo("an int64 column cannot hold a value of a kind Sluice has no type for");
        assertThat(ValueErrors.whyNot(ColumnType.list(ColumnType.UUID), List.of("x")))
                .isEqualTo("element [1]: a uuid column cannot hold a utf8 value");
    }

    private interface Encoding {
        void run(CopyBuffer out) throws SQLException;
    }

    private static ByteBuffer encode(Encoding e) throws SQLException {
        ByteScratch sink = new ByteScratch();
        CopyBuffer out = new CopyBuffer(sink);
        e.run(out);
        out.flush();
        return ByteBuffer.wrap(sink.toByteArray());
    }

    private static String hex(Encoding e) throws SQLException {
        ByteBuffer b = encode(e);
        return HexFormat.of().formatHex(b.array());
    }
}
