package dev.sluice.connector.postgresql;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * libpq's connection parameters, and what each becomes for pgjdbc (the PostgreSQL JDBC driver).
 * A parameter pgjdbc has an equivalent for is mapped, its value checked as libpq checks it; a
 * libpq parameter pgjdbc cannot honour is refused, saying so, rather than silently dropped; a
 * key libpq does not know is refused as libpq refuses it ("invalid connection option").
 * The host, port, user, password and database are resolved by {@link PgConnectionString}.
 */
final class ConninfoKeywords {
    /** Parameters whose values are secrets: never quoted in a message. */
    private static final Set<String> SECRET = Set.of("password", "sslpassword");
    private static final Set<String> RESOLVED_ELSEWHERE = Set.of("host", "hostaddr", "port", "dbname", "user", "password");
    /** libpq parameters (PostgreSQL 17) with no pgjdbc equivalent. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "passfile", "service", "require_auth", "requiressl", "replication", "requirepeer",
            "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
            "sslcompression", "sslcertmode", "sslcrl", "sslcrldir", "sslsni", "sslkeylogfile",
            "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version", "max_protocol_version",
            "gssdelegation", "scram_client_key", "scram_server_key",
            "oauth_issuer", "oauth_client_id", "oauth_client_secret", "oauth_scope");
    /** libpq parameter to pgjdbc property, where the value passes through unchanged. */
    private static final Map<String, String> SAME_VALUE = Map.of(
            "application_name", "ApplicationName", "options", "options", "sslcert", "sslcert",
            "sslkey", "sslkey", "sslrootcert", "sslrootcert", "sslpassword", "sslpassword", "krbsrvname", "kerberosServerName");

    private ConninfoKeywords() {
    }

    /** Whether libpq knows {@code key} (supported here or not). */
    static boolean isKnown(String key) {
        return RESOLVED_ELSEWHERE.contains(key) || UNSUPPORTED.contains(key) || SAME_VALUE.containsKey(key)
                || Set.of("fallback_application_name", "connect_timeout", "sslmode", "sslnegotiation", "channel_binding",
                        "gssencmode", "gsslib", "target_session_attrs", "load_balance_hosts", "keepalives",
                        "client_encoding").contains(key);
    }

    static boolean isSecret(String key) {
        return key != null && SECRET.contains(key);
    }

    /** pgjdbc properties for every parameter except the ones {@link #RESOLVED_ELSEWHERE}. */
    static Properties driverProperties(Map<String, String> params) {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            String v = e.getValue();
            if (RESOLVED_ELSEWHERE.contains(key)) {
                continue;
            }
            if (SAME_VALUE.containsKey(key)) {
                p.setProperty(SAME_VALUE.get(key), v);
                continue;
            }
            switch (key) {
                case "fallback_application_name" -> {
                    if (!params.containsKey("application_name")) {
                        p.setProperty("ApplicationName", v);
                    }
                }
                case "connect_timeout" -> p.setProperty("connectTimeout", Integer.toString(connectTimeout(v)));
                case "sslmode" -> p.setProperty("sslmode", oneOf(key, v, "disable", "allow", "prefer", "require", "verify-ca", "verify-full"));
                case "sslnegotiation" -> p.setProperty("sslNegotiation", oneOf(key, v, "postgres", "direct"));
                case "channel_binding" -> p.setProperty("channelBinding", oneOf(key, v, "disable", "prefer", "require"));
                case "gssencmode" -> p.setProperty("gssEncMode", oneOf(key, v, "disable", "prefer", "require"));
                case "gsslib" -> p.setProperty("gsslib", oneOf(key, v, "gssapi", "sspi"));
                case "target_session_attrs" -> p.setProperty("targetServerType", targetServerType(v));
                case "load_balance_hosts" -> p.setProperty("loadBalanceHosts",
                        Boolean.toString(oneOf(key, v, "disable", "random").equals("random")));
                case "keepalives" -> p.setProperty("tcpKeepAlive", Boolean.toString(integer(key, v) != 0));
                case "client_encoding" -> clientEncoding(v);
                default -> throw new MalformedConninfo(UNSUPPORTED.contains(key)
                        ? "parameter \"" + key + "\" is valid for libpq but the PostgreSQL JDBC driver Sluice uses cannot honour it; remove it"
                        : "unknown parameter \"" + key + "\" (libpq would refuse it too: invalid connection option)");
            }
        }
        return p;
    }

    /** libpq: an integer; zero or negative waits forever (pgjdbc's 0); 1 is raised to 2 seconds. */
    private static int connectTimeout(String v) {
        int seconds = integer("connect_timeout", v);
        return seconds <= 0 ? 0 : Math.max(seconds, 2);
    }

    /**
     * pgjdbc tells servers apart by {@code transaction_read_only} (as libpq's read-write and
     * read-only do). libpq's primary means "not in recovery": pgjdbc's primary is stricter (it
     * also skips a primary that defaults to read-only) and never reaches a standby. A standby
     * cannot be told from a read-only primary, so {@code standby} is refused.
     */
    private static String targetServerType(String v) {
        return switch (v) {
            case "any" -> "any";
            case "read-write", "primary" -> "primary";
            case "read-only" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            case "standby" -> throw new MalformedConninfo("target_session_attrs=standby cannot be honoured: the JDBC driver"
                    + " cannot tell a standby from a read-only primary (use read-only)");
            default -> throw new MalformedConninfo("target_session_attrs must be one of any, read-write, read-only, primary,"
                    + " standby, prefer-standby; got \"" + v + "\"");
        };
    }

    private static void clientEncoding(String v) {
        String norm = v.toUpperCase(Locale.ROOT).replace("-", "");
        if (!norm.equals("UTF8") && !norm.equals("UNICODE")) {
            throw new MalformedConninfo("client_encoding \"" + v + "\" cannot be honoured: the JDBC driver always speaks UTF8");
        }
    }

    private static String oneOf(String key, String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new MalformedConninfo(key + " must be one of " + String.join(", ", allowed) + "; got \"" + v + "\"");
    }

    /** An integer as libpq's {@code parse_int_param} reads it: surrounding spaces allowed, nothing else. */
    static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new MalformedConninfo(key + " must be an integer; got \"" + v + "\"");
        }
    }
}
