package dev.sluice.connector.sqlite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Decimals and uint64 values as exact text: plain digits, never an exponent ({@code '1.10'},
 * {@code '0.0000000001'}, 1E+3 as {@code '1000'}), and {@code 'NaN'}, {@code 'Infinity'},
 * {@code '-Infinity'} for a decimal's special values. At most 131072 digits before the point
 * and 16383 after, as PostgreSQL's numeric: the plain text of {@code 1E+999999999} would be a
 * gigabyte.
 */
final class SqliteDecimals {
    static final int MAX_INTEGER_DIGITS = 131_072;
    static final int MAX_FRACTION_DIGITS = 16_383;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,9})?");

    private SqliteDecimals() {
    }

    /** The text of a decimal value: a BigDecimal, or a Double NaN or ±Infinity. */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            throw new IllegalArgumentException("a finite decimal value is exact, not a binary floating-point number");
        }
        BigDecimal d = (BigDecimal) value;
        long integerDigits = d.signum() == 0 ? 1 : (long) d.precision() - d.scale(); // a zero's plain text is "0", whatever its exponent
        if (integerDigits > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("the decimal " + abbreviated(d) + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before the point or " + MAX_FRACTION_DIGITS + " after, too many to store as text");
        }
        return d.toPlainString();
    }

    /** A decimal value from its text: a BigDecimal, or Double NaN or ±Infinity. */
    static Object parse(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return new BigDecimal(requireNumber(text));
        }
    }

    static BigInteger parseUnsigned(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new IllegalArgumentException("not an unsigned integer");
            }
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("not an unsigned integer");
        }
        return new BigInteger(text);
    }

    /** Plain or exponent notation, nothing else (BigDecimal's parser alone would take the text it is given). */
    private static String requireNumber(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number");
        }
        return text;
    }

    private static String abbreviated(BigDecimal d) {
        String s = d.toString();
        return s.length() <= 40 ? s : s.substring(0, 20) + "…" + s.substring(s.length() - 15);
    }
}
