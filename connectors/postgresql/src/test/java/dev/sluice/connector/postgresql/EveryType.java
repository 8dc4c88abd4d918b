package dev.sluice.connector.postgresql;

import static java.util.Arrays.asList;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A table with a column of every data type of PostgreSQL's manual (chapter 8, Data Types), with
 * edge values, and what the source reads from each: its {@link ColumnType}, whether it is NOT
 * NULL, and every value's Java value. Row {@code i} holds each column's {@code i}-th value (NULL
 * where a column has fewer); the last row is NULL wherever a column allows it.
 */
final class EveryType {
    static final String TABLE = "every_type";
    static final String SETUP = """
            CREATE TYPE mood AS ENUM ('sad', 'happy', 'ünïcode');
            CREATE TYPE pair AS (a integer, b text);
            CREATE DOMAIN posint AS integer NOT NULL CHECK (VALUE > 0);
            CREATE DOMAIN short_text AS varchar(5);
            """;

    /** A value: its SQL literal and the Java value the source reads. */
    record V(String literal, Object expected) {
    }

    record Col(String name, String sqlType, ColumnType type, boolean notNull, List<V> values) {
        /** A NOT NULL column repeats its first value where it has no more. */
        Object expected(int row) {
            return row < values.size() ? values.get(row).expected() : notNull ? values.get(0).expected() : null;
        }

        String literal(int row) {
            return row < values.size() ? values.get(row).literal() : notNull ? values.get(0).literal() : "NULL";
        }

        boolean multiDimensional() {
            return type instanceof ColumnType.ListType l && l.dimensions() > 1;
        }
    }

    static final List<Col> COLUMNS = columns();

    private EveryType() {
    }

    /** Rows in all: the longest column's values and an all-null row. */
    static int rows() {
        return COLUMNS.stream().mapToInt(c -> c.values().size()).max().orElse(0) + 1;
    }

    static String createTable() {
        return "CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, "
                + COLUMNS.stream().map(c -> PgNames.quote(c.name()) + " " + c.sqlType()).collect(Collectors.joining(", ")) + ")";
    }

    static List<String> inserts() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows(); r++) {
            int row = r;
            out.add("INSERT INTO " + TABLE + " VALUES (" + (r + 1) + ", "
                    + COLUMNS.stream().map(c -> c.literal(row)).collect(Collectors.joining(", ")) + ")");
        }
        return out;
    }

    /** Every statement that creates and fills the table. */
    static String[] sql() {
        List<String> all = new ArrayList<>(List.of(SETUP, createTable()));
        all.addAll(inserts());
        return all.toArray(String[]::new);
    }

    private static V v(String literal, Object expected) {
        return new V(literal, expected);
    }

    private static Col col(String name, String sqlType, ColumnType type, V... values) {
        return new Col(name, sqlType, type, false, List.of(values));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static List<Object> list(Object... values) {
        return asList(values);
    }

    private static List<Col> columns() {
        String bigInteger = "9".repeat(990);
        String bigFraction = "1".repeat(10);
        List<Col> c = new ArrayList<>();
        // 8.1 numeric types
        c.add(col("c_smallint", "smallint", ColumnType.INT16, v("-32768", -32768L), v("32767", 32767L), v("0", 0L)));
        c.add(col("c_integer", "integer", ColumnType.INT32, v("-2147483648", -2147483648L), v("2147483647", 2147483647L)));
        c.add(col("c_bigint", "bigint", ColumnType.INT64, v("-9223372036854775808", Long.MIN_VALUE),
                v("9223372036854775807", Long.MAX_VALUE)));
        c.add(new Col("c_serial", "serial", ColumnType.INT32, true, List.of(v("1", 1L), v("2", 2L))));
        c.add(col("c_numeric_5_2", "numeric(5,2)", ColumnType.decimal(5, 2), v("123.45", dec("123.45")), v("-0.01", dec("-0.01")),
                v("0", dec("0.00"))));
        c.add(col("c_numeric_max", "numeric(1000,10)", ColumnType.decimal(1000, 10),
                v(bigInteger + "." + bigFraction, dec(bigInteger + "." + bigFraction)), v("-1", dec("-1.0000000000"))));
        c.add(col("c_numeric", "numeric", ColumnType.NUMERIC, v("'NaN'", Double.NaN), v("'Infinity'", Double.POSITIVE_INFINITY),
                v("'-Infinity'", Double.NEGATIVE_INFINITY), v("1.500", dec("1.500")), v("1e-20", dec("0.00000000000000000001")),
                v("-123456789012345678901234567890.123456789", dec("-123456789012345678901234567890.123456789"))));
        c.add(col("c_numeric_20_0", "numeric(20,0)", ColumnType.decimal(20, 0), v("-5", dec("-5")),
                v("18446744073709551615", dec("18446744073709551615"))));
        c.add(col("c_numeric_neg_scale", "numeric(3,-2)", ColumnType.decimal(3, -2), v("12345", dec("12300"))));
        c.add(col("c_real", "real", ColumnType.FLOAT32, v("1.1", 1.1f), v("'NaN'", Float.NaN), v("'-Infinity'", Float.NEGATIVE_INFINITY),
                v("3.4028235e38", Float.MAX_VALUE), v("1.4e-45", Float.MIN_VALUE), v("'-0'", -0.0f)));
        c.add(col("c_double", "double precision", ColumnType.FLOAT64, v("'Infinity'", Double.POSITIVE_INFINITY),
                v("1.7976931348623157e308", Double.MAX_VALUE), v("4.9e-324", Double.MIN_VALUE), v("'-0'", -0.0), v("0.1", 0.1)));
        // 8.2 monetary
        c.add(col("c_money", "money", ColumnType.NUMERIC, v("1234.56", dec("1234.56")),
                v("-92233720368547758.08", dec("-92233720368547758.08")), v("0", dec("0.00"))));
        // 8.3 character types
        c.add(col("c_varchar", "varchar(5)", ColumnType.varchar(5), v("'héllo'", "héllo"), v("''", ""), v("'ü🚀'", "ü🚀")));
        c.add(col("c_varchar_unbounded", "varchar", ColumnType.STRING, v("'any length'", "any length")));
        c.add(col("c_char", "char(4)", ColumnType.fixedChar(4), v("'ab'", "ab  "), v("''", "    "), v("'ü🚀'", "ü🚀  ")));
        c.add(col("c_character", "character", ColumnType.fixedChar(1), v("'x'", "x")));
        c.add(col("c_bpchar", "bpchar", ColumnType.STRING, v("'ab  '", "ab  ")));
        c.add(col("c_text", "text", ColumnType.STRING, v("'ünïcödé 🚀 שלום'", "ünïcödé 🚀 שלום"), v("''", ""),
                v("E'quotes '' \" \\\\ \\n tab\\t'", "quotes ' \" \\ \n tab\t"), v("'NULL'", "NULL")));
        c.add(col("c_name", "name", ColumnType.STRING, v("'pg_name'", "pg_name")));
        c.add(col("c_char_internal", "\"char\"", ColumnType.STRING, v("'x'", "x")));
        // 8.4 binary
        c.add(col("c_bytea", "bytea", ColumnType.BYTES, v("'\\x00ff10'", new byte[] {0, -1, 16}), v("''", new byte[0])));
        // 8.5 date/time
        c.add(col("c_date", "date", ColumnType.DATE, v("'infinity'", LocalDate.MAX), v("'-infinity'", LocalDate.MIN),
                v("'4713-01-01 BC'", LocalDate.of(-4712, 1, 1)), v("'2024-02-29'", LocalDate.of(2024, 2, 29)),
                v("'5874897-12-31'", LocalDate.of(5874897, 12, 31))));
        c.add(col("c_time", "time", ColumnType.TIME, v("'24:00:00'", LocalTime.MAX), v("'00:00:00'", LocalTime.MIDNIGHT),
                v("'23:59:59.999999'", LocalTime.of(23, 59, 59, 999_999_000))));
        c.add(col("c_time_0", "time(0)", ColumnType.TIME, v("'12:34:56'", LocalTime.of(12, 34, 56))));
        c.add(col("c_timetz", "timetz", ColumnType.TIMETZ, v("'24:00:00+05:30'", OffsetTime.of(LocalTime.MAX, ZoneOffset.ofHoursMinutes(5, 30))),
                v("'12:34:56.789-08'", OffsetTime.parse("12:34:56.789-08:00")), v("'00:00:00+00'", OffsetTime.parse("00:00:00Z"))));
        c.add(col("c_timestamp", "timestamp", ColumnType.LOCAL_TIMESTAMP, v("'infinity'", LocalDateTime.MAX),
                v("'-infinity'", LocalDateTime.MIN), v("'2024-02-29 12:34:56.123456'", LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000)),
                v("'4713-01-01 00:00:00 BC'", LocalDateTime.of(-4712, 1, 1, 0, 0)),
                v("'294276-12-31 23:59:59.999999'", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000))));
        c.add(col("c_timestamp_3", "timestamp(3)", ColumnType.LOCAL_TIMESTAMP,
                v("'2024-01-01 00:00:00.123'", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_000_000))));
        c.add(col("c_timestamptz", "timestamptz", ColumnType.TIMESTAMP, v("'infinity'", Instant.MAX), v("'-infinity'", Instant.MIN),
                v("'2024-02-29 12:34:56.123456+05:30'", Instant.parse("2024-02-29T07:04:56.123456Z")),
                v("'1900-01-01 00:00:00+00'", Instant.parse("1900-01-01T00:00:00Z")),
                v("'4713-01-01 00:00:00+00 BC'", LocalDateTime.of(-4712, 1, 1, 0, 0).toInstant(ZoneOffset.UTC))));
        c.add(col("c_interval", "interval", ColumnType.INTERVAL,
                v("'1 year 2 mons -3 days 04:05:06.000007'", new Interval(14, -3, 14_706_000_007L)),
                v("'-178000000 years'", new Interval(-2_136_000_000, 0, 0)), v("'0'", Interval.ZERO),
                v("'-00:00:00.000001'", new Interval(0, 0, -1))));
        c.add(col("c_interval_ym", "interval year to month", ColumnType.INTERVAL, v("'1 year 2 months'", new Interval(14, 0, 0))));
        // 8.6 boolean
        c.add(col("c_bool", "boolean", ColumnType.BOOL, v("true", true), v("false", false)));
        // 8.7 enumerated
        c.add(col("c_enum", "mood", ColumnType.STRING, v("'happy'", "happy"), v("'ünïcode'", "ünïcode")));
        // 8.8 geometric
        c.add(col("c_point", "point", ColumnType.STRING, v("'(1,2)'", "(1,2)"), v("'(-1.5,NaN)'", "(-1.5,NaN)")));
        c.add(col("c_line", "line", ColumnType.STRING, v("'{1,-1,0}'", "{1,-1,0}")));
        c.add(col("c_lseg", "lseg", ColumnType.STRING, v("'[(0,0),(1,1)]'", "[(0,0),(1,1)]")));
        c.add(col("c_box", "box", ColumnType.STRING, v("'(1,1),(0,0)'", "(1,1),(0,0)")));
        c.add(col("c_path", "path", ColumnType.STRING, v("'[(0,0),(1,1),(2,0)]'", "[(0,0),(1,1),(2,0)]")));
        c.add(col("c_polygon", "polygon", ColumnType.STRING, v("'((0,0),(1,1),(1,0))'", "((0,0),(1,1),(1,0))")));
        c.add(col("c_circle", "circle", ColumnType.STRING, v("'<(0,0),1>'", "<(0,0),1>")));
        // 8.9 network addresses
        c.add(col("c_inet", "inet", ColumnType.INET, v("'192.168.0.1/24'", "192.168.0.1/24"), v("'::1'", "::1")));
        c.add(col("c_cidr", "cidr", ColumnType.CIDR, v("'10.0.0.0/8'", "10.0.0.0/8"), v("'2001:db8::/32'", "2001:db8::/32")));
        c.add(col("c_macaddr", "macaddr", ColumnType.MAC, v("'08:00:2b:01:02:03'", "08:00:2b:01:02:03")));
        c.add(col("c_macaddr8", "macaddr8", ColumnType.MAC8, v("'08:00:2b:01:02:03:04:05'", "08:00:2b:01:02:03:04:05")));
        // 8.10 bit strings
        c.add(col("c_bit", "bit(3)", ColumnType.STRING, v("B'101'", "101")));
        c.add(col("c_varbit", "varbit", ColumnType.STRING, v("B'1101'", "1101"), v("B''", "")));
        // 8.11 text search
        c.add(col("c_tsvector", "tsvector", ColumnType.STRING, v("'a fat cat'", "'a' 'cat' 'fat'")));
        c.add(col("c_tsquery", "tsquery", ColumnType.STRING, v("'fat & rat'", "'fat' & 'rat'")));
        // 8.12 uuid
        c.add(col("c_uuid", "uuid", ColumnType.UUID, v("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                v("'00000000-0000-0000-0000-000000000000'", new UUID(0, 0))));
        // 8.13 xml
        c.add(col("c_xml", "xml", ColumnType.STRING, v("'<a>b</a>'", "<a>b</a>")));
        // 8.14 json
        c.add(col("c_json", "json", new ColumnType.JsonType(true), v("'{\"b\": 1,  \"a\":[1,2], \"b\": 3}'", "{\"b\": 1,  \"a\":[1,2], \"b\": 3}"),
                v("'[]'", "[]"), v("'null'", "null")));
        c.add(col("c_jsonb", "jsonb", ColumnType.JSON, v("'{\"b\": 1,  \"a\":[1,2]}'", "{\"a\": [1, 2], \"b\": 1}"),
                v("'\"ü 🚀\"'", "\"ü 🚀\"")));
        c.add(col("c_jsonpath", "jsonpath", ColumnType.STRING, v("'$.a[*] ? (@ > 1)'", "$.\"a\"[*]?(@ > 1)")));
        // 8.15 arrays
        c.add(col("c_int_array", "integer[]", ColumnType.list(ColumnType.INT32), v("'{1,NULL,3}'", list(1L, null, 3L)),
                v("'{}'", list()), v("'[0:1]={7,8}'", list(7L, 8L)), v("'{NULL}'", list((Object) null))));
        c.add(col("c_int_grid", "integer[][]", ColumnType.list(ColumnType.list(ColumnType.INT32)),
                v("'{{1,2},{3,NULL}}'", list(list(1L, 2L), list(3L, null))), v("'{}'", list())));
        c.add(col("c_text_grid", "text[][]", ColumnType.list(ColumnType.STRING_LIST),
                v("'{{a,\"b c\"},{\"\\\"q\\\"\",NULL}}'", list(list("a", "b c"), list("\"q\"", null)))));
        c.add(col("c_text_3d", "text[][][]", ColumnType.list(ColumnType.list(ColumnType.STRING_LIST)),
                v("'{{{x,y}},{{\"NULL\",z}}}'", list(list(list("x", "y")), list(list("NULL", "z"))))));
        c.add(col("c_text_array", "text[]", ColumnType.STRING_LIST, v("ARRAY['a', NULL, '', 'ü 🚀', '{,}', 'back\\slash']",
                list("a", null, "", "ü 🚀", "{,}", "back\\slash"))));
        c.add(col("c_bigint_array", "bigint[]", ColumnType.INT64_LIST, v("'{-9223372036854775808,9223372036854775807}'",
                list(Long.MIN_VALUE, Long.MAX_VALUE))));
        c.add(col("c_smallint_array", "smallint[]", ColumnType.list(ColumnType.INT16), v("'{-32768,32767}'", list(-32768L, 32767L))));
        c.add(col("c_real_array", "real[]", ColumnType.list(ColumnType.FLOAT32), v("'{1.5,NaN,-Infinity}'",
                list(1.5f, Float.NaN, Float.NEGATIVE_INFINITY))));
        c.add(col("c_double_array", "double precision[]", ColumnType.list(ColumnType.FLOAT64), v("'{0.1,Infinity,-0}'",
                list(0.1, Double.POSITIVE_INFINITY, -0.0))));
        c.add(col("c_numeric_array", "numeric[]", ColumnType.list(ColumnType.NUMERIC), v("'{1.50,NaN,-Infinity}'",
                list(dec("1.50"), Double.NaN, Double.NEGATIVE_INFINITY))));
        c.add(col("c_numeric_5_2_array", "numeric(5,2)[]", ColumnType.list(ColumnType.decimal(5, 2)), v("'{1.5}'", list(dec("1.50")))));
        c.add(col("c_bool_array", "boolean[]", ColumnType.list(ColumnType.BOOL), v("'{t,f,NULL}'", list(true, false, null))));
        c.add(col("c_date_array", "date[]", ColumnType.list(ColumnType.DATE), v("'{2024-02-29,infinity,\"4713-01-01 BC\"}'",
                list(LocalDate.of(2024, 2, 29), LocalDate.MAX, LocalDate.of(-4712, 1, 1)))));
        c.add(col("c_time_array", "time[]", ColumnType.list(ColumnType.TIME), v("'{24:00:00,12:00:00.5}'",
                list(LocalTime.MAX, LocalTime.of(12, 0, 0, 500_000_000)))));
        c.add(col("c_timetz_array", "timetz[]", ColumnType.list(ColumnType.TIMETZ), v("'{24:00:00+05:30}'",
                list(OffsetTime.of(LocalTime.MAX, ZoneOffset.ofHoursMinutes(5, 30))))));
        c.add(col("c_timestamp_array", "timestamp[]", ColumnType.list(ColumnType.LOCAL_TIMESTAMP),
                v("'{\"2024-02-29 12:34:56.123456\",-infinity}'", list(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), LocalDateTime.MIN))));
        c.add(col("c_timestamptz_array", "timestamptz[]", ColumnType.list(ColumnType.TIMESTAMP),
                v("'{\"2024-02-29 12:34:56.123456+05:30\",infinity}'", list(Instant.parse("2024-02-29T07:04:56.123456Z"), Instant.MAX))));
        c.add(col("c_interval_array", "interval[]", ColumnType.list(ColumnType.INTERVAL), v("'{\"1 day -00:00:01\",\"-1 mons\"}'",
                list(new Interval(0, 1, -1_000_000), new Interval(-1, 0, 0)))));
        c.add(col("c_uuid_array", "uuid[]", ColumnType.list(ColumnType.UUID), v("'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'",
                list(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))));
        c.add(col("c_bytea_array", "bytea[]", ColumnType.list(ColumnType.BYTES), v("'{\"\\\\x00ff\",NULL,\"\\\\x\"}'",
                list(new byte[] {0, -1}, null, new byte[0]))));
        c.add(col("c_json_array", "json[]", ColumnType.list(new ColumnType.JsonType(true)), v("ARRAY['{\"a\":  1}', '[ ]']::json[]",
                list("{\"a\":  1}", "[ ]"))));
        c.add(col("c_jsonb_array", "jsonb[]", ColumnType.list(ColumnType.JSON), v("ARRAY['{\"b\":1,\"a\":2}']::jsonb[]",
                list("{\"a\": 2, \"b\": 1}"))));
        c.add(col("c_varchar_array", "varchar(3)[]", ColumnType.list(ColumnType.varchar(3)), v("'{abc,\"\",NULL}'", list("abc", "", null))));
        c.add(col("c_char_array", "char(2)[]", ColumnType.list(ColumnType.fixedChar(2)), v("'{a,bc}'", list("a ", "bc"))));
        c.add(col("c_inet_array", "inet[]", ColumnType.list(ColumnType.INET), v("'{10.0.0.1,::1/128}'", list("10.0.0.1", "::1"))));
        c.add(col("c_macaddr_array", "macaddr[]", ColumnType.list(ColumnType.MAC), v("'{08:00:2b:01:02:03}'", list("08:00:2b:01:02:03"))));
        c.add(col("c_enum_array", "mood[]", ColumnType.STRING_LIST, v("'{happy,sad}'", list("happy", "sad"))));
        c.add(col("c_point_array", "point[]", ColumnType.STRING_LIST, v("'{\"(1,2)\",\"(3,4)\"}'", list("(1,2)", "(3,4)"))));
        c.add(col("c_box_array", "box[]", ColumnType.STRING_LIST, v("'{(1,1),(0,0);(2,2),(1,1)}'", list("(1,1),(0,0)", "(2,2),(1,1)"))));
        c.add(col("c_range_array", "int4range[]", ColumnType.STRING_LIST, v("'{\"[1,2)\",empty}'", list("[1,2)", "empty"))));
        c.add(col("c_money_array", "money[]", ColumnType.list(ColumnType.NUMERIC), v("ARRAY[1.5::money]", list(dec("1.50")))));
        c.add(col("c_posint_array", "posint[]", ColumnType.list(ColumnType.INT32), v("ARRAY[1, 2]::posint[]", list(1L, 2L))));
        c.add(col("c_pair_array", "pair[]", ColumnType.JSON, v("ARRAY[ROW(1, 'x')::pair, NULL]", "[{\"a\": 1, \"b\": \"x\"}, null]")));
        // 8.16 composite
        c.add(col("c_pair", "pair", ColumnType.JSON, v("ROW(1, 'x')", "{\"a\": 1, \"b\": \"x\"}"),
                v("ROW(NULL, 'q\"')", "{\"a\": null, \"b\": \"q\\\"\"}")));
        // 8.17 ranges and multiranges
        c.add(col("c_int4range", "int4range", ColumnType.STRING, v("'[1,5)'", "[1,5)"), v("'empty'", "empty")));
        c.add(col("c_tstzrange", "tstzrange", ColumnType.STRING, v("'[2024-01-01 05:30:00+05:30,infinity)'",
                "[\"2024-01-01 00:00:00+00\",infinity)")));
        c.add(col("c_daterange", "daterange", ColumnType.STRING, v("'[2024-01-01,2024-02-01)'", "[2024-01-01,2024-02-01)")));
        c.add(col("c_int4multirange", "int4multirange", ColumnType.STRING, v("'{[1,3),[5,7)}'", "{[1,3),[5,7)}")));
        // 8.18 domains
        c.add(new Col("c_posint", "posint", ColumnType.INT32, true, List.of(v("1", 1L), v("2147483647", 2147483647L))));
        c.add(col("c_short_text", "short_text", ColumnType.varchar(5), v("'abc'", "abc"), v("'ü🚀'", "ü🚀")));
        // 8.19 object identifiers, 8.20 pg_lsn, and a few more of the catalog's
        c.add(col("c_oid", "oid", ColumnType.STRING, v("4294967295", "4294967295")));
        c.add(col("c_regclass", "regclass", ColumnType.STRING, v("'pg_class'", "pg_class")));
        c.add(col("c_regtype", "regtype", ColumnType.STRING, v("'integer'", "integer")));
        c.add(col("c_pg_lsn", "pg_lsn", ColumnType.STRING, v("'16/B374D848'", "16/B374D848")));
        c.add(col("c_tid", "tid", ColumnType.STRING, v("'(0,1)'", "(0,1)")));
        c.add(col("Quoted \"col\" ü", "text", ColumnType.STRING, v("'quoted name'", "quoted name")));
        return List.copyOf(c);
    }

    /** The rows the source must read, in key order: id, then every column's Java value. */
    static List<List<Object>> expectedRows() {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < rows(); r++) {
            List<Object> row = new ArrayList<>();
            row.add((long) (r + 1));
            for (Col c : COLUMNS) {
                row.add(c.expected(r));
            }
            out.add(row);
        }
        return out;
    }
}
