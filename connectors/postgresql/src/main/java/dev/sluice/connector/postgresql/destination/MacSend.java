package dev.sluice.connector.postgresql.destination;

import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

/**
 * macaddr (6 bytes) and macaddr8 (8 bytes) from the text forms PostgreSQL accepts: hex byte
 * pairs, grouped by one kind of separator ({@code 08:00:2b:01:02:03}, {@code 08-00-2b-01-02-03},
 * {@code 08002b:010203}, {@code 0800.2b01.0203}, {@code 08002b010203}), a single hex digit
 * standing for a byte where every group is one byte ({@code 8:0:2b:1:2:3}). A 6-byte address in
 * a macaddr8 column becomes its EUI-64 form, FF:FE in the middle, as PostgreSQL converts it.
 */
final class MacSend {
    private static final char[] SEPARATORS = {':', '-', '.'};

    private MacSend() {
    }

    static FieldWriter writer(int size) {
        return (out, v) -> {
            byte[] b = parse((String) v, size);
            out.int32(b.length);
            out.bytes(b);
        };
    }

    static byte[] parse(String text, int size) {
        byte[] b = bytes(text);
        if (b != null && b.length == 6 && size == 8) {
            return new byte[] {b[0], b[1], b[2], (byte) 0xff, (byte) 0xfe, b[3], b[4], b[5]};
        }
        if (b == null || b.length != size) {
            throw new BadValue(BadValue.shown(text) + " is not a " + (size == 6
                    ? "6-byte MAC address (PostgreSQL's macaddr), such as 08:00:2b:01:02:03"
                    : "MAC address of 8 or 6 bytes (PostgreSQL's macaddr8), such as 08:00:2b:01:02:03:04:05"));
        }
        return b;
    }

    /** The bytes {@code text} spells, or null when it is not hex groups split by one kind of separator. */
    private static byte[] bytes(String text) {
        char separator = 0;
        for (char c : SEPARATORS) {
            if (text.indexOf(c) >= 0) {
                if (separator != 0) {
                    return null;
                }
                separator = c;
            }
        }
        String[] groups = separator == 0 ? new String[] {text}
                : text.split(Pattern.quote(String.valueOf(separator)), -1);
        boolean bytePerGroup = groups.length == 6 || groups.length == 8;
        for (String g : groups) {
            bytePerGroup &= g.length() == 1 || g.length() == 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8);
        for (String g : groups) {
            int width = bytePerGroup ? g.length() : 2;
            if (g.isEmpty() || g.length() % width != 0) {
                return null;
            }
            for (int i = 0; i < g.length(); i += width) {
                int v = 0;
                for (int j = i; j < i + width; j++) {
                    int d = hexDigit(g.charAt(j));
                    if (d < 0) {
                        return null;
                    }
                    v = v * 16 + d;
                }
                out.write(v);
            }
        }
        return out.size() > 8 ? null : out.toByteArray();
    }

    /** 0 to 15 for an ASCII hex digit, else -1. */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
