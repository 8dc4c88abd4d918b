package dev.sluice.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Objects;

/**
 * A column's type: a value, compared with {@code equals}, that names what a column holds, the
 * Java class carrying each value, and which values fit. The types follow CloudQuery's
 * Arrow-based model; {@link #displayName()} is the name CloudQuery prints for the same type.
 *
 * <table>
 * <caption>Types, their names and their values</caption>
 * <tr><th>type</th><th>name</th><th>Java value</th><th>a value fits when</th></tr>
 * <tr><td>{@link BoolType}</td><td>bool</td><td>Boolean</td><td>always</td></tr>
 * <tr><td>{@link IntType}</td><td>int8 … int64, uint8 … uint32</td><td>Long</td>
 *     <td>it is within the type's range</td></tr>
 * <tr><td>{@link IntType} uint64</td><td>uint64</td><td>BigInteger</td><td>0 ≤ v &lt; 2^64</td></tr>
 * <tr><td>{@link FloatType}</td><td>float32, float64</td><td>Float, Double</td>
 *     <td>always (NaN and ±Infinity included)</td></tr>
 * <tr><td>{@link DecimalType}</td><td>decimal(p, s), numeric</td><td>BigDecimal; Double NaN or
 *     ±Infinity for those special values</td><td>it needs at most p − s integer digits and s
 *     fraction digits (trailing zeros aside); values are never rounded; only numeric can be
 *     infinite (NaN fits both)</td></tr>
 * <tr><td>{@link DateType}</td><td>date32</td><td>LocalDate</td><td>always; {@code LocalDate.MAX}
 *     and {@code MIN} stand for +infinity and −infinity</td></tr>
 * <tr><td>{@link TimeType}</td><td>time64[us], timetz</td><td>LocalTime, OffsetTime</td>
 *     <td>always; {@code LocalTime.MAX} stands for 24:00:00; digits below the microsecond are
 *     dropped</td></tr>
 * <tr><td>{@link TimestampType}</td><td>timestamp[us, tz=UTC], timestamp[us]</td>
 *     <td>Instant, LocalDateTime</td><td>always; {@code MAX} and {@code MIN} stand for ±infinity;
 *     digits below the microsecond are dropped</td></tr>
 * <tr><td>{@link IntervalType}</td><td>month_day_nano_interval</td><td>{@link Interval}</td>
 *     <td>always</td></tr>
 * <tr><td>{@link StringType}</td><td>utf8</td><td>String</td><td>a bounded type's value has at
 *     most that many characters (code points)</td></tr>
 * <tr><td>{@link BinaryType}</td><td>binary</td><td>byte[]</td><td>always</td></tr>
 * <tr><td>{@link UuidType}</td><td>uuid</td><td>UUID</td><td>always</td></tr>
 * <tr><td>{@link JsonType}</td><td>json</td><td>String, a JSON document's text</td><td>always
 *     (destinations reject text that is not JSON)</td></tr>
 * <tr><td>{@link InetType}</td><td>inet, cidr</td><td>String, the address's text</td>
 *     <td>always (destinations reject text that is not an address)</td></tr>
 * <tr><td>{@link MacType}</td><td>mac, mac8</td><td>String, the address's text</td><td>always</td></tr>
 * <tr><td>{@link ListType}</td><td>list&lt;item: T, nullable&gt;</td><td>List</td>
 *     <td>every element is null or fits T (a list of lists for a multi-dimensional array)</td></tr>
 * </table>
 *
 * <p>Structs and maps travel as {@link JsonType}. A null value fits every type; whether a column
 * may hold it is {@link Column#notNull()}'s business.
 */
public sealed interface ColumnType permits ColumnType.BoolType, ColumnType.IntType, ColumnType.FloatType,
        ColumnType.DecimalType, ColumnType.DateType, ColumnType.TimeType, ColumnType.TimestampType,
        ColumnType.IntervalType, ColumnType.StringType, ColumnType.BinaryType, ColumnType.UuidType,
        ColumnType.JsonType, ColumnType.InetType, ColumnType.MacType, ColumnType.ListType {

    BoolType BOOL = new BoolType();
    IntType INT8 = new IntType(8, true);
    IntType INT16 = new IntType(16, true);
    IntType INT32 = new IntType(32, true);
    IntType INT64 = new IntType(64, true);
    IntType UINT8 = new IntType(8, false);
    IntType UINT16 = new IntType(16, false);
    IntType UINT32 = new IntType(32, false);
    IntType UINT64 = new IntType(64, false);
    FloatType FLOAT32 = new FloatType(32);
    FloatType FLOAT64 = new FloatType(64);
    /** A decimal of any precision and scale. */
    DecimalType NUMERIC = new DecimalType(0, 0);
    DateType DATE = new DateType();
    TimeType TIME = new TimeType(false);
    TimeType TIMETZ = new TimeType(true);
    /** An instant, as CloudQuery's {@code timestamp[us, tz=UTC]}. */
    TimestampType TIMESTAMP = new TimestampType(true);
    /** A wall-clock date and time without a zone. */
    TimestampType LOCAL_TIMESTAMP = new TimestampType(false);
    IntervalType INTERVAL = new IntervalType();
    StringType STRING = new StringType(0, false);
    BinaryType BYTES = new BinaryType();
    UuidType UUID = new UuidType();
    /** JSON as CloudQuery stores it (a PostgreSQL destination uses {@code jsonb}). */
    JsonType JSON = new JsonType(false);
    InetType INET = new InetType(false);
    InetType CIDR = new InetType(true);
    MacType MAC = new MacType(6);
    MacType MAC8 = new MacType(8);
    ListType STRING_LIST = new ListType(STRING);
    ListType INT64_LIST = new ListType(INT64);

    /** What a type is, for switching over; the record holds its parameters. */
    enum Kind { BOOL, INT, FLOAT, DECIMAL, DATE, TIME, TIMESTAMP, INTERVAL, STRING, BINARY, UUID, JSON, INET, MAC, LIST }

    Kind kind();

    /** The name CloudQuery gives this type (Arrow's), used in {@code sluice tables}, docs and messages. */
    String displayName();

    /** The class of this type's values (the main one, where {@link #accepts} allows another). */
    Class<?> javaType();

    /** True when {@code value} is null or a value of this type that fits it; see the table above. */
    boolean accepts(Object value);

    /** Why a value this type does not {@link #accepts accept} cannot be stored, in words for a user. */
    default String whyNot(Object value) {
        if (value == null) {
            return "null fits every type";
        }
        return accepts(value) ? "it fits" : article(displayName()) + " value cannot be " + describe(value);
    }

    /** What a value is, in Sluice's type names ("an int64 value", "a list<utf8> value"), never Java's. */
    static String describe(Object value) {
        String noun = noun(value);
        if (noun != null) {
            return article(noun) + " value";
        }
        return value instanceof Object[] || value instanceof java.util.Collection
                ? "a list whose elements no Sluice list type holds" : "a value of a kind Sluice has no type for";
    }

    private static String article(String name) {
        return (name.matches("[aeio].*") ? "an " : "a ") + name;
    }

    private static String noun(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            Object first = list.stream().filter(Objects::nonNull).findFirst().orElse(null);
            String element = first == null ? "null" : noun(first);
            return element == null ? null : "list<" + element + ">";
        }
        for (ColumnType t : List.of(BOOL, INT64, UINT64, FLOAT32, FLOAT64, NUMERIC, DATE, TIME, TIMETZ, TIMESTAMP,
                LOCAL_TIMESTAMP, INTERVAL, STRING, BYTES, UUID)) {
            if (t.accepts(value)) {
                return t.displayName();
            }
        }
        return null;
    }

    static DecimalType decimal(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    static StringType varchar(int maxLength) {
        return new StringType(maxLength, false);
    }

    static StringType fixedChar(int length) {
        return new StringType(length, true);
    }

    static ListType list(ColumnType element) {
        return new ListType(element);
    }

    record BoolType() implements ColumnType {
        @Override public Kind kind() { return Kind.BOOL; }
        @Override public String displayName() { return "bool"; }
        @Override public Class<?> javaType() { return Boolean.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof Boolean; }
    }

    /** A signed or unsigned integer of 8, 16, 32 or 64 bits; values are Long, except uint64's BigInteger. */
    record IntType(int bits, boolean signed) implements ColumnType {
        private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

        public IntType {
            if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
                throw new IllegalArgumentException("an integer has 8, 16, 32 or 64 bits, not " + bits);
            }
        }

        @Override public Kind kind() { return Kind.INT; }
        @Override public String displayName() { return (signed ? "int" : "uint") + bits; }
        @Override public Class<?> javaType() { return bits == 64 && !signed ? BigInteger.class : Long.class; }

        public long min() {
            return signed ? -(1L << (bits - 1)) : 0;
        }

        /** The largest value that fits a Long (Long.MAX_VALUE for uint64, which is carried as BigInteger). */
        public long max() {
            return bits == 64 ? Long.MAX_VALUE : (1L << (signed ? bits - 1 : bits)) - 1;
        }

        @Override
        public boolean accepts(Object v) {
            if (v == null) {
                return true;
            }
            if (bits == 64 && !signed) {
                return v instanceof BigInteger b && b.signum() >= 0 && b.compareTo(TWO_TO_64) < 0;
            }
            return v instanceof Long l && (bits == 64 || (l >= min() && l <= max()));
        }

        @Override
        public String whyNot(Object v) {
            if (v instanceof Long || v instanceof BigInteger) {
                return v + " is outside " + displayName() + "'s range ("
                        + (bits == 64 && !signed ? "0 to 2^64-1" : min() + " to " + max()) + ")";
            }
            return ColumnType.super.whyNot(v);
        }
    }

    /** IEEE 754 binary32 (Float values) or binary64 (Double values). */
    record FloatType(int bits) implements ColumnType {
        public FloatType {
            if (bits != 32 && bits != 64) {
                throw new IllegalArgumentException("a float has 32 or 64 bits, not " + bits);
            }
        }

        @Override public Kind kind() { return Kind.FLOAT; }
        @Override public String displayName() { return "float" + bits; }
        @Override public Class<?> javaType() { return bits == 32 ? Float.class : Double.class; }
        @Override public boolean accepts(Object v) { return v == null || javaType().isInstance(v); }
    }

    /**
     * An exact decimal: {@code precision} digits in all, {@code scale} of them after the point;
     * precision 0 is {@link #NUMERIC}, any precision and scale. PostgreSQL allows a negative
     * scale and a scale above the precision (PostgreSQL 15+), so both are allowed here.
     */
    record DecimalType(int precision, int scale) implements ColumnType {
        public DecimalType {
            if (precision < 0 || precision > 1000 || (precision == 0 && scale != 0) || scale < -1000 || scale > 1000) {
                throw new IllegalArgumentException("decimal(" + precision + ", " + scale + "): the precision is 1 to 1000"
                        + " (or 0 for any), the scale -1000 to 1000");
            }
        }

        public boolean bounded() {
            return precision > 0;
        }

        @Override public Kind kind() { return Kind.DECIMAL; }
        @Override public String displayName() { return bounded() ? "decimal(" + precision + ", " + scale + ")" : "numeric"; }
        @Override public Class<?> javaType() { return BigDecimal.class; }

        @Override
        public boolean accepts(Object v) {
            if (v == null || v instanceof Double d && (d.isNaN() || d.isInfinite() && !bounded())) {
                return true;
            }
            return v instanceof BigDecimal d && (!bounded() || fits(d));
        }

        private boolean fits(BigDecimal d) {
            if (d.signum() == 0) {
                return true;
            }
            BigDecimal v = d.scale() > scale ? d.stripTrailingZeros() : d;
            return v.scale() <= scale && v.precision() - v.scale() <= precision - scale;
        }

        @Override
        public String whyNot(Object v) {
            if (v instanceof BigDecimal d) {
                return d.toPlainString() + " does not fit " + displayName() + " (at most " + (precision - scale)
                        + " digits before the point and " + scale + " after; Sluice does not round)";
            }
            if (v instanceof Double d && d.isInfinite()) {
                return "a decimal of bounded precision cannot be infinite; only numeric can";
            }
            return ColumnType.super.whyNot(v);
        }
    }

    /** A calendar date (LocalDate); {@code LocalDate.MAX}/{@code MIN} are ±infinity. */
    record DateType() implements ColumnType {
        @Override public Kind kind() { return Kind.DATE; }
        @Override public String displayName() { return "date32"; }
        @Override public Class<?> javaType() { return LocalDate.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof LocalDate; }
    }

    /** A time of day in microseconds: LocalTime, or OffsetTime with a zone offset. */
    record TimeType(boolean withZone) implements ColumnType {
        @Override public Kind kind() { return Kind.TIME; }
        @Override public String displayName() { return withZone ? "timetz" : "time64[us]"; }
        @Override public Class<?> javaType() { return withZone ? OffsetTime.class : LocalTime.class; }
        @Override public boolean accepts(Object v) { return v == null || javaType().isInstance(v); }
    }

    /** A timestamp in microseconds: an Instant (with zone, stored as UTC) or a LocalDateTime. */
    record TimestampType(boolean withZone) implements ColumnType {
        @Override public Kind kind() { return Kind.TIMESTAMP; }
        @Override public String displayName() { return withZone ? "timestamp[us, tz=UTC]" : "timestamp[us]"; }
        @Override public Class<?> javaType() { return withZone ? Instant.class : LocalDateTime.class; }
        @Override public boolean accepts(Object v) { return v == null || javaType().isInstance(v); }
    }

    /** Months, days and microseconds ({@link Interval}). */
    record IntervalType() implements ColumnType {
        @Override public Kind kind() { return Kind.INTERVAL; }
        @Override public String displayName() { return "month_day_nano_interval"; }
        @Override public Class<?> javaType() { return Interval.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof Interval; }
    }

    /**
     * Unicode text. {@code maxLength} 0 is unbounded; otherwise values have at most that many
     * characters, and {@code fixed} says the source pads to that length (SQL's {@code char(n)}),
     * which a destination of the same kind may keep. Values are carried exactly as read.
     */
    record StringType(int maxLength, boolean fixed) implements ColumnType {
        public StringType {
            if (maxLength < 0 || (fixed && maxLength == 0)) {
                throw new IllegalArgumentException("a string's length is positive (or 0 for unbounded, not fixed)");
            }
        }

        @Override public Kind kind() { return Kind.STRING; }
        @Override public String displayName() { return "utf8"; }
        @Override public Class<?> javaType() { return String.class; }

        @Override
        public boolean accepts(Object v) {
            if (v == null) {
                return true;
            }
            return v instanceof String s && (maxLength == 0 || s.length() <= maxLength
                    || s.codePointCount(0, s.length()) <= maxLength);
        }

        @Override
        public String whyNot(Object v) {
            if (v instanceof String s) {
                return "a value of " + s.codePointCount(0, s.length()) + " characters does not fit the column's "
                        + maxLength;
            }
            return ColumnType.super.whyNot(v);
        }
    }

    record BinaryType() implements ColumnType {
        @Override public Kind kind() { return Kind.BINARY; }
        @Override public String displayName() { return "binary"; }
        @Override public Class<?> javaType() { return byte[].class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof byte[]; }
    }

    record UuidType() implements ColumnType {
        @Override public Kind kind() { return Kind.UUID; }
        @Override public String displayName() { return "uuid"; }
        @Override public Class<?> javaType() { return java.util.UUID.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof java.util.UUID; }
    }

    /**
     * A JSON document, carried as its text. {@code exactText} asks a destination that can to
     * keep the text byte for byte (PostgreSQL's {@code json}) rather than a parsed form
     * ({@code jsonb}, which reorders keys and drops duplicates and whitespace).
     */
    record JsonType(boolean exactText) implements ColumnType {
        @Override public Kind kind() { return Kind.JSON; }
        @Override public String displayName() { return "json"; }
        @Override public Class<?> javaType() { return String.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof String; }
    }

    /** An IP address with an optional prefix length ({@code inet}), or a network ({@code cidr}). */
    record InetType(boolean cidr) implements ColumnType {
        @Override public Kind kind() { return Kind.INET; }
        @Override public String displayName() { return cidr ? "cidr" : "inet"; }
        @Override public Class<?> javaType() { return String.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof String; }
    }

    /** A MAC address of 6 bytes ({@code mac}) or 8 ({@code mac8}). */
    record MacType(int bytes) implements ColumnType {
        public MacType {
            if (bytes != 6 && bytes != 8) {
                throw new IllegalArgumentException("a MAC address has 6 or 8 bytes, not " + bytes);
            }
        }

        @Override public Kind kind() { return Kind.MAC; }
        @Override public String displayName() { return bytes == 6 ? "mac" : "mac8"; }
        @Override public Class<?> javaType() { return String.class; }
        @Override public boolean accepts(Object v) { return v == null || v instanceof String; }
    }

    /** A list whose elements are null or values of {@code element}; a list of lists is a 2-D array. */
    record ListType(ColumnType element) implements ColumnType {
        public ListType {
            Objects.requireNonNull(element, "element");
        }

        /** 1 for a list of scalars, 2 for a list of lists of scalars, and so on. */
        public int dimensions() {
            return element instanceof ListType l ? 1 + l.dimensions() : 1;
        }

        /** The type of the innermost elements. */
        public ColumnType scalar() {
            return element instanceof ListType l ? l.scalar() : element;
        }

        @Override public Kind kind() { return Kind.LIST; }
        @Override public String displayName() { return "list<item: " + element.displayName() + ", nullable>"; }
        @Override public Class<?> javaType() { return List.class; }

        @Override
        public boolean accepts(Object v) {
            if (v == null) {
                return true;
            }
            if (!(v instanceof List<?> list)) {
                return false;
            }
            for (Object e : list) {
                if (!element.accepts(e)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String whyNot(Object v) {
            if (v instanceof List<?> list) {
                for (Object e : list) {
                    if (!element.accepts(e)) {
                        return "an element: " + element.whyNot(e);
                    }
                }
            }
            return ColumnType.super.whyNot(v);
        }
    }
}
