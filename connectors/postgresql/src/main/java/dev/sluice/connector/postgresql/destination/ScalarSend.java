package dev.sluice.connector.postgresql.destination;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Send formats of the fixed-size types, text, bytea and JSON. Text (strings, JSON) loses NUL
 * characters, as CloudQuery's destination strips them: PostgreSQL's text cannot hold U+0000.
 * In jsonb, {@code \u0000} escapes are stripped from keys and string values ({@link JsonNuls});
 * json keeps its text as it is, escapes included. Text with half a UTF-16 surrogate pair is
 * refused: UTF-8 has no form for it (Java's encoder would write a '?' in its place).
 */
final class ScalarSend {
    private ScalarSend() {
    }

    static void bool(CopyBuffer out, Object v) throws SQLException {
        out.reserve(5);
        out.putInt(1);
        out.int8((Boolean) v ? 1 : 0);
    }

    static void int2(CopyBuffer out, Object v) throws SQLException {
        out.reserve(6);
        out.putInt(2);
        out.putShort((int) (long) (Long) v);
    }

    static void int4(CopyBuffer out, Object v) throws SQLException {
        out.reserve(8);
        out.putInt(4);
        out.putInt((int) (long) (Long) v);
    }

    static void int8(CopyBuffer out, Object v) throws SQLException {
        fixed8(out, (Long) v);
    }

    /** uint64 goes to numeric(20,0). */
    static void uint64(CopyBuffer out, Object v) throws SQLException {
        NumericSend.unsigned64(out, ((BigInteger) v).longValue());
    }

    static void float4(CopyBuffer out, Object v) throws SQLException {
        out.reserve(8);
        out.putInt(4);
        out.putInt(Float.floatToIntBits((Float) v));
    }

    static void float8(CopyBuffer out, Object v) throws SQLException {
        fixed8(out, Double.doubleToLongBits((Double) v));
    }

    static void fixed8(CopyBuffer out, long bits) throws SQLException {
        out.reserve(12);
        out.putInt(8);
        out.putLong(bits);
    }

    static void uuid(CopyBuffer out, Object v) throws SQLException {
        UUID u = (UUID) v;
        out.reserve(20);
        out.putInt(16);
        out.putLong(u.getMostSignificantBits());
        out.putLong(u.getLeastSignificantBits());
    }

    static void bytea(CopyBuffer out, Object v) throws SQLException {
        byte[] b = (byte[]) v;
        out.int32(b.length);
        out.bytes(b);
    }

    /** text, character varying(n), character(n): the server checks and pads to the length. */
    static void text(CopyBuffer out, Object v) throws SQLException {
        byte[] utf8 = utf8((String) v);
        out.int32(utf8.length);
        out.bytes(utf8);
    }

    /** json keeps the document's text exactly. */
    static void json(CopyBuffer out, Object v) throws SQLException {
        text(out, v);
    }

    static void jsonb(CopyBuffer out, Object v) throws SQLException {
        byte[] utf8 = JsonNuls.strip(requireUnicode((String) v)).getBytes(StandardCharsets.UTF_8);
        out.int32(utf8.length + 1);
        out.int8(1); // jsonb binary format version
        out.bytes(utf8);
    }

    static byte[] utf8(String s) {
        return stripNul(requireUnicode(s)).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s}, unless it holds half a surrogate pair, which UTF-8 cannot encode. */
    static String requireUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadValue("the text has an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                        + " at index " + i + "), which UTF-8 cannot store");
            }
        }
        return s;
    }

    /** PostgreSQL's text cannot hold U+0000. */
    static String stripNul(String s) {
        return s.indexOf('\0') >= 0 ? s.replace("\0", "") : s;
    }
}
