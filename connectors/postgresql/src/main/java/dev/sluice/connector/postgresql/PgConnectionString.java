package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConfigException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection string as libpq (and so CloudQuery) accepts it: a URL
 * ({@code postgresql://} or {@code postgres://}; {@code jdbc:postgresql://} is read as one too)
 * or a {@code key=value} DSN, parsed strictly ({@link ConninfoUrl}, {@link ConninfoDsn}) into
 * the servers to try ({@link ConninfoHosts}), a user, a database and pgjdbc properties
 * ({@link ConninfoKeywords}). A malformed string is refused with a {@link ConfigException} on
 * the field: never replaced by defaults, which could point writes at another server. Omitted
 * parts take libpq's defaults: host localhost (over TCP), port 5432, the operating-system user,
 * a database named after the user. The password never appears in any string this class
 * produces ({@link #toString()}, {@link #redacted()}, error messages).
 */
public final class PgConnectionString {
    private final List<PgHost> hosts;
    private final String user;
    private final String database;
    private final Optional<String> password;
    private final Properties properties;
    private final Map<String, String> options;

    private PgConnectionString(List<PgHost> hosts, String user, String database, Optional<String> password,
                               Properties properties, Map<String, String> options) {
        this.hosts = hosts;
        this.user = user;
        this.database = database;
        this.password = password;
        this.properties = properties;
        this.options = options;
    }

    /** Parses {@code value}; a malformed one is a {@link ConfigException} on {@code field} whose message never holds the password. */
    public static PgConnectionString parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field, "is required: a postgresql:// URL or a key=value DSN");
        }
        String v = value.strip();
        if (v.startsWith("jdbc:postgresql://")) {
            v = v.substring("jdbc:".length());
        }
        boolean url = ConninfoUrl.isUrl(v);
        try {
            Map<String, String> params = url ? ConninfoUrl.parse(v) : ConninfoDsn.parse(v);
            List<PgHost> hosts = ConninfoHosts.resolve(params);
            Properties props = ConninfoKeywords.driverProperties(params);
            String user = nonEmpty(params.get("user")).orElseGet(() -> System.getProperty("user.name"));
            String database = nonEmpty(params.get("dbname")).orElse(user);
            Map<String, String> options = new LinkedHashMap<>(params);
            options.keySet().removeAll(List.of("host", "hostaddr", "port", "user", "password", "dbname"));
            return new PgConnectionString(hosts, user, database, Optional.ofNullable(params.get("password")), props,
                    Collections.unmodifiableMap(options));
        } catch (MalformedConninfo e) {
            throw new ConfigException(field, "is not a valid " + (url ? "postgresql:// URL" : "key=value connection string")
                    + ": " + scrub(e.getMessage(), secretsIn(v)));
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** Candidate secrets in a malformed string, to scrub from its message whatever went wrong. */
    private static List<String> secretsIn(String v) {
        try {
            Map<String, String> p = ConninfoUrl.isUrl(v) ? ConninfoUrl.parse(v) : ConninfoDsn.parse(v);
            return p.entrySet().stream().filter(e -> ConninfoKeywords.isSecret(e.getKey())).map(Map.Entry::getValue).toList();
        } catch (MalformedConninfo e) {
            return List.of();
        }
    }

    private static String scrub(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }

    /** The servers to try, in order. */
    public List<PgHost> hosts() {
        return hosts;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    /** The pgjdbc properties the parameters map to (never the user or password). */
    public Map<String, String> driverProperties() {
        return properties.stringPropertyNames().stream().filter(k -> !ConninfoKeywords.isSecret(k))
                .collect(Collectors.toUnmodifiableMap(k -> k, properties::getProperty));
    }

    /** The JDBC URL, without credentials or options: every host in order, then the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hosts.stream().map(PgHost::toString).collect(Collectors.joining(","))
                + "/" + encode(database);
    }

    /** The same servers, user and options, as a URL naming database {@code name} (holds the password if this does). */
    public String withDatabase(String name) {
        StringBuilder url = new StringBuilder("postgresql://").append(encode(user));
        password.ifPresent(p -> url.append(':').append(encode(p)));
        url.append('@').append(hosts.stream().map(PgHost::toString).collect(Collectors.joining(",")))
                .append('/').append(encode(name));
        String query = options.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return url + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A connection with the parsed user, password and options. */
    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("ApplicationName", "sluice");
        p.setProperty("user", user);
        password.ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** {@code text} with the password replaced by {@code ***}, for messages built from server or driver text. */
    public String scrub(String text) {
        List<String> secrets = new java.util.ArrayList<>();
        password.ifPresent(secrets::add);
        Optional.ofNullable(properties.getProperty("sslpassword")).ifPresent(secrets::add);
        return text == null ? null : scrub(text, secrets);
    }

    /** Where this connects, as a user may see it: hosts, ports, database and user, never the password. */
    public String redacted() {
        return "postgresql://" + user + "@" + hosts.stream().map(PgHost::toString).collect(Collectors.joining(","))
                + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
