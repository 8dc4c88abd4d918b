package dev.sluice.connector.sqlite;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks the text of network addresses, which SQLite stores as given (it has no address
 * types). An inet is an IPv4 address in dotted decimal or an IPv6 address, with an optional
 * prefix length ({@code 192.168.1.5/24}, {@code 2001:db8::1/64}); a cidr is one whose bits right
 * of the prefix are zero ({@code 10.0.0.0/8}; no prefix means all bits). A MAC address is hex
 * digit pairs, optionally separated by {@code :}, {@code -} or {@code .} between pairs, 6 bytes
 * for mac and 6 or 8 for mac8, as PostgreSQL reads them. Nothing here looks names up.
 */
final class SqliteAddresses {
    private static final Pattern OCTET_OR_PREFIX = Pattern.compile("\\d{1,3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private SqliteAddresses() {
    }

    /** {@code text} if it is an inet (or, with {@code cidr}, a network) address; else why not. */
    static String requireInet(String text, boolean cidr) {
        int slash = text.indexOf('/');
        byte[] address = address(slash < 0 ? text : text.substring(0, slash), text);
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (!OCTET_OR_PREFIX.matcher(digits).matches() || Integer.parseInt(digits) > bits) {
                throw new IllegalArgumentException("\"" + abbreviated(text) + "\" has no prefix length of 0 to " + bits);
            }
            prefix = Integer.parseInt(digits);
        }
        if (cidr && !hostBitsZero(address, prefix)) {
            throw new IllegalArgumentException("\"" + abbreviated(text) + "\" is not a network: it has bits set right of its prefix");
        }
        return text;
    }

    /** {@code text} if it is a MAC address of {@code bytes} bytes (8 takes 6 too); else why not. */
    static String requireMac(String text, int bytes) {
        int digits = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                digits++;
                run++;
            } else if ((c == ':' || c == '-' || c == '.') && run > 0 && run % 2 == 0 && i < text.length() - 1) {
                run = 0;
            } else {
                throw new IllegalArgumentException("\"" + abbreviated(text) + "\" is not a MAC address");
            }
        }
        if (digits != 2 * bytes && !(bytes == 8 && digits == 12)) {
            throw new IllegalArgumentException("\"" + abbreviated(text) + "\" is not a MAC address of " + bytes + " bytes");
        }
        return text;
    }

    private static byte[] address(String address, String text) {
        if (address.indexOf(':') < 0) {
            return ipv4(address, text);
        }
        if (!IPV6_CHARACTERS.matcher(address).matches()) { // an IPv6 literal only, so InetAddress never looks a name up
            throw notAnAddress(text);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            byte[] b = parsed.getAddress();
            if (parsed instanceof Inet4Address) { // ::ffff:a.b.c.d, which Java turns into IPv4
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException | RuntimeException e) {
            throw notAnAddress(text);
        }
    }

    private static byte[] ipv4(String address, String text) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw notAnAddress(text);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!OCTET_OR_PREFIX.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
                throw notAnAddress(text);
            }
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    private static boolean hostBitsZero(byte[] address, int prefix) {
        for (int bit = prefix; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("\"" + abbreviated(text) + "\" is not an IPv4 or IPv6 address");
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
