package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * numeric's send format: the count of base-10000 digits, the weight of the first (in powers of
 * 10000), a sign word, the display scale (digits after the point), then the digits, aligned on
 * the decimal point; trailing zero digits are left out (the weight and the display scale
 * imply them). NaN and ±Infinity are sign words with no digits (±Infinity: PostgreSQL 14+).
 */
final class NumericSend {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PLUS_INFINITY = 0xD000;
    private static final int MINUS_INFINITY = 0xF000;
    /** PostgreSQL's numeric holds up to 131072 digits before the point and 16383 after. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_SCALE = 16_383;

    private NumericSend() {
    }

    /** Values of {@code type}: BigDecimal, or Double NaN and ±Infinity. */
    static FieldWriter writer(ColumnType.DecimalType type) {
        return (out, v) -> {
            if (v instanceof BigDecimal d) {
                decimal(out, d);
            } else {
                special(out, (Double) v, type);
            }
        };
    }

    static void decimal(CopyBuffer out, BigDecimal d) throws SQLException {
        if (d.signum() == 0) {
            zero(out, d.scale());
            return;
        }
        digits(out, d.signum() < 0, d.unscaledValue().abs().toString(), d.scale());
    }

    /**
     * The value {@code ±digits × 10^-scale}; {@code digits} are decimal digits without a
     * leading zero (or exactly "0").
     */
    static void digits(CopyBuffer out, boolean negative, String digits, int scale) throws SQLException {
        if (digits.equals("0")) {
            zero(out, scale);
            return;
        }
        long integerDigits = (long) digits.length() - scale;
        int displayScale = Math.max(0, scale);
        if (integerDigits > MAX_INTEGER_DIGITS || displayScale > MAX_SCALE) {
            throw outside(integerDigits > MAX_INTEGER_DIGITS ? integerDigits + " digits before the point"
                    : displayScale + " digits after the point");
        }
        int pad = (int) Math.floorMod(-integerDigits, 4L); // zeros in front, so that groups of 4 end at the point
        int weight = (int) ((integerDigits + pad) / 4) - 1;
        int[] groups = new int[(pad + digits.length() + 3) / 4];
        for (int i = 0; i < groups.length * 4; i++) {
            int at = i - pad;
            groups[i >> 2] = groups[i >> 2] * 10 + (at >= 0 && at < digits.length() ? digits.charAt(at) - '0' : 0);
        }
        int count = groups.length;
        while (groups[count - 1] == 0) {
            count--; // the first group holds the first digit, which is not 0
        }
        header(out, count, weight, negative ? NEGATIVE : POSITIVE, displayScale);
        for (int i = 0; i < count; i++) {
            out.int16(groups[i]);
        }
    }

    /** Zero with {@code scale} digits after the point (the server refuses a display scale past 16383). */
    private static void zero(CopyBuffer out, int scale) throws SQLException {
        int displayScale = Math.max(0, scale);
        if (displayScale > MAX_SCALE) {
            throw outside(displayScale + " digits after the point");
        }
        header(out, 0, 0, POSITIVE, displayScale);
    }

    private static BadValue outside(String digits) {
        return new BadValue("a number with " + digits
                + " is outside PostgreSQL's numeric range (131072 digits before the point, 16383 after)");
    }

    /** An integer of up to 64 bits, read as unsigned (uint64's values): at most 5 base-10000 digits. */
    static void unsigned64(CopyBuffer out, long bits) throws SQLException {
        int[] groups = new int[5];
        int n = 0;
        for (long rest = bits; rest != 0; rest = Long.divideUnsigned(rest, 10_000)) {
            groups[n++] = (int) Long.remainderUnsigned(rest, 10_000);
        }
        int low = 0;
        while (low < n && groups[low] == 0) {
            low++; // trailing zero digits are implied by the weight
        }
        header(out, n - low, n == 0 ? 0 : n - 1, POSITIVE, 0);
        for (int i = n - 1; i >= low; i--) {
            out.int16(groups[i]);
        }
    }

    private static void special(CopyBuffer out, Double v, ColumnType.DecimalType type) throws SQLException {
        if (v.isNaN()) {
            header(out, 0, 0, NAN, 0);
            return;
        }
        if (type.bounded()) {
            throw new BadValue((v > 0 ? "Infinity" : "-Infinity") + " does not fit " + type.displayName()
                    + ": PostgreSQL's numeric(p,s) holds NaN but not infinities");
        }
        header(out, 0, 0, v > 0 ? PLUS_INFINITY : MINUS_INFINITY, 0);
    }

    private static void header(CopyBuffer out, int count, int weight, int sign, int displayScale) throws SQLException {
        out.reserve(12);
        out.putInt(8 + 2 * count);
        out.putShort(count);
        out.putShort(weight);
        out.putShort(sign);
        out.putShort(displayScale);
    }
}
