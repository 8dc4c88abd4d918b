package dev.sluice.connector.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The servers a connection string names, from libpq's {@code host}, {@code hostaddr} and
 * {@code port} (comma-separated lists): one port for every host, or one port for all. Nothing
 * given means {@code localhost:5432}. Every host must be a DNS name or an IP address and every
 * port a number from 1 to 65535; anything else is refused, never replaced by a default. A Unix
 * socket directory (a host starting with {@code /} or {@code @}) is refused: pgjdbc speaks TCP
 * only, and connecting to localhost instead might reach another server.
 */
final class ConninfoHosts {
    static final int DEFAULT_PORT = 5432;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ConninfoHosts() {
    }

    static List<PgHost> resolve(Map<String, String> params) {
        String host = params.get("host");
        String hostaddr = params.get("hostaddr");
        if (host != null && hostaddr != null) {
            throw new MalformedConninfo("host and hostaddr are both given: the JDBC driver has one address per server,"
                    + " so give only one of them");
        }
        boolean numeric = hostaddr != null;
        List<String> hosts = host == null && hostaddr == null ? List.of("localhost") : split(numeric ? hostaddr : host);
        String portList = params.get("port");
        List<String> ports = portList == null ? List.of(Integer.toString(DEFAULT_PORT)) : split(portList);
        if (ports.size() != 1 && ports.size() != hosts.size()) {
            throw new MalformedConninfo(hosts.size() + " host(s) but " + ports.size() + " ports: give one port for all"
                    + " or one per host");
        }
        List<PgHost> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String h = checkHost(hosts.get(i), numeric ? "hostaddr" : "host", i, hosts.size());
            out.add(new PgHost(h, port(ports.get(ports.size() == 1 ? 0 : i), h)));
        }
        return List.copyOf(out);
    }

    private static List<String> split(String list) {
        return List.of(list.split(",", -1));
    }

    private static String checkHost(String h, String key, int index, int count) {
        String which = count == 1 ? key : key + " " + (index + 1) + " of " + count;
        if (h.isEmpty()) {
            throw new MalformedConninfo(which + " is empty (write localhost for this machine)");
        }
        if (h.startsWith("/") || h.startsWith("@")) {
            throw new MalformedConninfo(which + " \"" + h + "\" is a Unix-domain socket; the PostgreSQL JDBC driver"
                    + " connects over TCP only: give the server's host name or address (e.g. localhost) and port");
        }
        boolean ip = isIpv4(h) || IPV6.matcher(h).matches();
        if (key.equals("hostaddr") ? !ip : !(ip || NAME.matcher(h).matches() && !h.matches("[0-9.]+"))) {
            throw new MalformedConninfo(which + " \"" + h + "\" is not " + (key.equals("hostaddr") ? "an IP address"
                    : "a host name or IP address"));
        }
        return h;
    }

    private static boolean isIpv4(String h) {
        var m = IPV4.matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int port(String p, String host) {
        String digits = p.strip();
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new MalformedConninfo("port " + (p.isEmpty() ? "of host \"" + host + "\" is empty"
                    : "\"" + p + "\" of host \"" + host + "\" is not a number from 1 to 65535"));
        }
        return Integer.parseInt(digits);
    }
}
