package dev.sluice.connector.postgresql.destination;

import java.sql.SQLException;

/**
 * inet and cidr from their text: an IPv4 address in dotted decimal or an IPv6 address (with
 * {@code ::} and a trailing dotted IPv4 part allowed), optionally followed by {@code /bits}.
 * The text is parsed here, character by character: never resolved as a host name. Send format:
 * family (2 for IPv4, 3 for IPv6), bits, is-cidr, address length, address bytes.
 */
final class InetSend {
    private static final int IPV4 = 2;
    private static final int IPV6 = 3;

    /** A parsed address: its bytes (4 or 16) and the prefix length. */
    record Address(byte[] bytes, int bits) {
        int family() {
            return bytes.length == 4 ? IPV4 : IPV6;
        }
    }

    private InetSend() {
    }

    static FieldWriter writer(boolean cidr) {
        return (out, v) -> write(out, parse((String) v, cidr), cidr);
    }

    private static void write(CopyBuffer out, Address a, boolean cidr) throws SQLException {
        int n = a.bytes().length;
        out.reserve(8 + n);
        out.putInt(4 + n);
        out.int8(a.family());
        out.int8(a.bits());
        out.int8(cidr ? 1 : 0);
        out.int8(n);
        out.bytes(a.bytes());
    }

    /** The address {@code text} names; a cidr's bits right of its mask must be zero. */
    static Address parse(String text, boolean cidr) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
        int bits = bytes == null ? -1 : slash < 0 ? bytes.length * 8 : prefix(text.substring(slash + 1), bytes.length * 8);
        if (bits < 0) {
            throw new BadValue(BadValue.shown(text) + " is not " + (cidr ? "a network" : "an IP address")
                    + ": PostgreSQL's " + (cidr ? "cidr" : "inet") + " takes an IPv4 or IPv6 address"
                    + (cidr ? " and a prefix, such as 192.168.0.0/16 or 2001:db8::/32" : ", optionally with a prefix, such as"
                    + " 192.168.0.1, 10.1.2.3/8 or 2001:db8::1") + " (host names are not looked up)");
        }
        if (cidr) {
            for (int i = bits; i < bytes.length * 8; i++) {
                if ((bytes[i >> 3] & (0x80 >> (i & 7))) != 0) {
                    throw new BadValue(BadValue.shown(text) + " is not a network: bits are set right of the /" + bits
                            + " mask (PostgreSQL's cidr; an inet column keeps host bits)");
                }
            }
        }
        return new Address(bytes, bits);
    }

    private static int prefix(String s, int max) {
        int bits = decimal(s, 3);
        return bits > max ? -1 : bits;
    }

    /** Four decimal numbers 0 to 255 separated by dots; null if {@code s} is not that. */
    static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = decimal(parts[i], 3);
            if (v < 0 || v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /** Eight groups of 1 to 4 hex digits, {@code ::} for one or more zero groups, the last two may be dotted IPv4. */
    static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] b = new byte[16];
        int head = gap < 0 ? groups(s, b, 0, true) : gap == 0 ? 0 : groups(s.substring(0, gap), b, 0, false);
        if (head < 0) {
            return null;
        }
        if (gap < 0) {
            return head == 16 ? b : null;
        }
        String tailText = s.substring(gap + 2);
        byte[] tail = new byte[16];
        int tailBytes = tailText.isEmpty() ? 0 : groups(tailText, tail, 0, true);
        if (tailBytes < 0 || head + tailBytes > 14) {
            return null; // "::" stands for at least one group
        }
        System.arraycopy(tail, 0, b, 16 - tailBytes, tailBytes);
        return b;
    }

    /** Groups of {@code s} into {@code b} from {@code at}; returns the bytes written, or -1. */
    private static int groups(String s, byte[] b, int at, boolean mayEndInIpv4) {
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && p.indexOf('.') >= 0) {
                byte[] v4 = ipv4(p);
                if (v4 == null || at + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4, 0, b, at, 4);
                return at + 4;
            }
            int v = hex(p);
            if (v < 0 || at + 2 > 16) {
                return -1;
            }
            b[at++] = (byte) (v >> 8);
            b[at++] = (byte) v;
        }
        return at;
    }

    /** 1 to {@code maxDigits} decimal digits, or -1. */
    private static int decimal(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 1 to 4 hex digits, or -1. */
    private static int hex(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = MacSend.hexDigit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
