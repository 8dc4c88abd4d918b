package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL connection string as CloudQuery accepts it: a URL ({@code postgres://} or
 * {@code postgresql://}, also {@code jdbc:postgresql://}) or a libpq {@code key=value} DSN.
 * Parsed once into a JDBC URL plus properties; the password is kept out of every string this
 * class produces ({@link #toString()} and {@link #redacted()}).
 */
public final class PgConnectionString {
    private static final Map<String, String> DSN_TO_JDBC = Map.of(
            "user", "user", "password", "password", "sslmode", "sslmode", "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout", "sslrootcert", "sslrootcert", "sslcert", "sslcert", "sslkey", "sslkey",
            "options", "options", "target_session_attrs", "targetServerType");

    private final String host;
    private final String port;
    private final String database;
    private final Properties properties;

    private PgConnectionString(String host, String port, String database, Properties properties) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.properties = properties;
    }

    /** Parses {@code value}; a malformed one is a {@link ConfigException} on {@code field} whose message never holds the password. */
    public static PgConnectionString parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field, "is required: a postgres:// URL or a key=value DSN");
        }
        String v = value.strip();
        if (v.startsWith("jdbc:postgresql:")) {
            v = "postgresql:" + v.substring("jdbc:postgresql:".length());
        }
        return v.startsWith("postgres://") || v.startsWith("postgresql://") ? fromUrl(v, field) : fromDsn(v, field);
    }

    private static PgConnectionString fromUrl(String v, String field) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new ConfigException(field, "is not a valid postgres:// URL (" + e.getReason() + ")");
        }
        Properties props = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            props.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                props.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                props.setProperty(DSN_TO_JDBC.getOrDefault(key, key), val);
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "5432" : Integer.toString(uri.getPort());
        return new PgConnectionString(host, port, database, props);
    }

    private static PgConnectionString fromDsn(String v, String field) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        while (i < v.length()) {
            while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            if (i >= v.length()) {
                break;
            }
            int eq = v.indexOf('=', i);
            if (eq < 0) {
                throw new ConfigException(field, "is neither a postgres:// URL nor a key=value DSN (\""
                        + v.substring(i).split("\\s")[0] + "\" has no '=')");
            }
            String key = v.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder val = new StringBuilder();
            if (i < v.length() && v.charAt(i) == '\'') {
                i++;
                while (i < v.length() && v.charAt(i) != '\'') {
                    if (v.charAt(i) == '\\' && i + 1 < v.length()) {
                        i++;
                    }
                    val.append(v.charAt(i++));
                }
                if (i >= v.length()) {
                    throw new ConfigException(field, "has an unterminated quoted value for " + key);
                }
                i++;
            } else {
                while (i < v.length() && !Character.isWhitespace(v.charAt(i))) {
                    val.append(v.charAt(i++));
                }
            }
            pairs.put(key, val.toString());
        }
        Properties props = new Properties();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            switch (e.getKey()) {
                case "host", "hostaddr", "port", "dbname" -> { }
                default -> props.setProperty(DSN_TO_JDBC.getOrDefault(e.getKey(), e.getKey()), e.getValue());
            }
        }
        String host = pairs.getOrDefault("host", pairs.getOrDefault("hostaddr", "localhost"));
        return new PgConnectionString(host, pairs.getOrDefault("port", "5432"),
                pairs.getOrDefault("dbname", pairs.getOrDefault("user", "")), props);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        String h = host.startsWith("/") ? "localhost" : host; // a socket directory: pgjdbc speaks TCP only
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    public String database() {
        return database;
    }

    /** The same server, user and options, as a URL naming database {@code name} (holds the password if this does). */
    public String withDatabase(String name) {
        StringBuilder url = new StringBuilder("postgresql://");
        String user = properties.getProperty("user");
        if (user != null) {
            url.append(encode(user));
            String password = properties.getProperty("password");
            if (password != null) {
                url.append(':').append(encode(password));
            }
            url.append('@');
        }
        url.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(encode(name));
        String sep = "?";
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals("user") && !key.equals("password")) {
                url.append(sep).append(encode(key)).append('=').append(encode(properties.getProperty(key)));
                sep = "&";
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A connection with the parsed user, password and options. */
    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("ApplicationName", "sluice");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** {@code text} with the password replaced by {@code ***}, for messages built from server or driver text. */
    public String scrub(String text) {
        String password = properties.getProperty("password");
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    /** Where this connects, as a user may see it: host, port, database and user, never the password. */
    public String redacted() {
        String user = properties.getProperty("user");
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
