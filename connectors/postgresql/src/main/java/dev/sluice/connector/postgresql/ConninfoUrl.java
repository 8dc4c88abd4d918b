package dev.sluice.connector.postgresql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libpq's connection URI ({@code postgresql://} or {@code postgres://}), split as libpq's
 * {@code conninfo_uri_parse_options} does:
 * {@code [user[:password]@][host][:port][,host[:port]...][/dbname][?key=value&...]}. The user
 * info ends at the last {@code @} before the first {@code /} or {@code ?}, as CloudQuery's
 * driver (pgx, Go's URL parser) reads it, so {@code user:p@ss@host} means password {@code p@ss}
 * (libpq would read host {@code ss@host} and fail); an IPv6 host is written in brackets;
 * every part is percent-decoded ({@code +} stays a plus); {@code ssl=true} in the query means
 * {@code sslmode=require}; query parameters override the parts before them (so
 * {@code ?host=...&port=...} name the server). The result holds libpq keywords, hosts and ports
 * as comma-separated lists, for {@link ConninfoKeywords} to check.
 */
final class ConninfoUrl {
    private ConninfoUrl() {
    }

    static boolean isUrl(String s) {
        return s.startsWith("postgresql://") || s.startsWith("postgres://");
    }

    static Map<String, String> parse(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        String rest = s.substring(s.indexOf("://") + 3);
        int authorityEnd = indexOfAny(rest, "/?", 0);
        int at = rest.lastIndexOf('@', authorityEnd - 1);
        if (at >= 0) {
            String info = rest.substring(0, at);
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon), "the user name");
            if (!user.isEmpty()) {
                out.put("user", user);
            }
            if (colon >= 0) {
                out.put("password", decode(info.substring(colon + 1), "the password"));
            }
            rest = rest.substring(at + 1);
        }
        int stray = rest.indexOf('@');
        if (stray >= 0 && (rest.indexOf('?') < 0 || stray < rest.indexOf('?'))) {
            // a password holding "/" would be read as host and port: refuse, quoting nothing
            throw new MalformedConninfo("has an \"@\" after the host: a \"/\" or \"?\" in a user name or password,"
                    + " and an \"@\" in a database name, must be percent-encoded (%2F, %3F, %40)");
        }
        int end = hosts(rest, out);
        if (end < rest.length() && rest.charAt(end) == '/') {
            int q = rest.indexOf('?', end);
            String db = decode(rest.substring(end + 1, q < 0 ? rest.length() : q), "the database name");
            if (!db.isEmpty()) {
                out.put("dbname", db);
            }
            end = q < 0 ? rest.length() : q;
        }
        if (end < rest.length()) {
            query(rest.substring(end + 1), out);
        }
        return out;
    }

    /** Reads {@code host[:port][,host[:port]...]} into "host" and "port"; returns where it stopped. */
    private static int hosts(String rest, Map<String, String> out) {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        int i = 0;
        while (true) {
            String host;
            if (i < rest.length() && rest.charAt(i) == '[') {
                int close = rest.indexOf(']', i);
                if (close < 0) {
                    throw new MalformedConninfo("an IPv6 address opened with \"[\" has no closing \"]\"");
                }
                host = rest.substring(i + 1, close);
                if (host.isEmpty()) {
                    throw new MalformedConninfo("the IPv6 address between \"[\" and \"]\" is empty");
                }
                i = close + 1;
                if (i < rest.length() && ":/?,".indexOf(rest.charAt(i)) < 0) {
                    throw new MalformedConninfo("unexpected \"" + rest.charAt(i) + "\" after IPv6 address [" + host
                            + "] (expected \":\", \"/\", \"?\" or \",\")");
                }
            } else {
                int stop = indexOfAny(rest, ":/?,", i);
                host = decode(rest.substring(i, stop), "a host name");
                i = stop;
            }
            String port = null;
            if (i < rest.length() && rest.charAt(i) == ':') {
                int stop = indexOfAny(rest, "/?,", i + 1);
                port = decode(rest.substring(i + 1, stop), "a port");
                if (port.isEmpty()) {
                    throw new MalformedConninfo("host \"" + host + "\" has a \":\" but no port");
                }
                i = stop;
            }
            hosts.add(host);
            ports.add(port);
            if (i < rest.length() && rest.charAt(i) == ',') {
                i++;
                continue;
            }
            break;
        }
        if (hosts.size() > 1 || !hosts.get(0).isEmpty() || ports.get(0) != null) {
            out.put("host", String.join(",", hosts)); // an empty host is refused when the hosts are resolved
        }
        if (ports.stream().anyMatch(p -> p != null)) {
            // a host without a port takes libpq's default, as in postgresql://a:5433,b/db
            out.put("port", String.join(",", ports.stream().map(p -> p == null ? "5432" : p).toList()));
        }
        return i;
    }

    private static void query(String query, Map<String, String> out) {
        String[] pairs = query.split("&", -1);
        for (int k = 0; k < pairs.length; k++) {
            String pair = pairs[k];
            if (pair.isEmpty() && k == pairs.length - 1) {
                continue; // a trailing '&', as libpq allows
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new MalformedConninfo("a query parameter has no \"=\" (write key=value)"); // not quoted: it may be a misplaced password
            }
            String key = decode(pair.substring(0, eq), "a query parameter name");
            if (pair.indexOf('=', eq + 1) >= 0) {
                throw new MalformedConninfo("query parameter \"" + key + "\" has a second \"=\" (percent-encode it as %3D)");
            }
            String value = decode(pair.substring(eq + 1), "the value of query parameter \"" + key + "\"");
            if (key.equals("ssl") && value.equals("true")) {
                out.put("sslmode", "require"); // libpq's rule, for JDBC-style URLs
            } else {
                out.put(key, value);
            }
        }
    }

    /** Percent-decodes {@code s} as UTF-8, refusing a broken escape or %00 as libpq does. */
    static String decode(String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                int next = s.indexOf('%', i);
                int stop = next < 0 ? s.length() : next;
                bytes.writeBytes(s.substring(i, stop).getBytes(StandardCharsets.UTF_8));
                i = stop - 1;
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new MalformedConninfo(what + " has a \"%\" not followed by two hex digits (write %25 for a percent sign)");
            }
            if (hi == 0 && lo == 0) {
                throw new MalformedConninfo(what + " holds %00, which is not allowed");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, String chars, int from) {
        int i = from;
        while (i < s.length() && chars.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
