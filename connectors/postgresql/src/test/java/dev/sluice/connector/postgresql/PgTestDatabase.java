package dev.sluice.connector.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the real server for one test class: created on {@link #create()},
 * dropped on {@link #close()}. The server comes from {@code SLUICE_TEST_PG_URL} (a URL or DSN;
 * default the local server, user postgres, trust auth).
 */
public final class PgTestDatabase implements AutoCloseable {
    public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    private final PgConnectionString admin;
    private final String server;
    private final String name;

    private PgTestDatabase(PgConnectionString admin, String server, String name) {
        this.admin = admin;
        this.server = server;
        this.name = name;
    }

    public static String serverUrl() {
        String url = System.getenv("SLUICE_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    public static PgTestDatabase create() {
        return create(serverUrl());
    }

    /** A database on the server {@code server} names (a connection string to any of its databases). */
    public static PgTestDatabase create(String server) {
        PgConnectionString admin = PgConnectionString.parse(server, "SLUICE_TEST_PG_URL");
        String name = "sluice_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = admin.open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin.redacted()
                    + " (set SLUICE_TEST_PG_URL, or start the server: .ci/run does): " + e.getMessage(), e);
        }
        return new PgTestDatabase(admin, server, name);
    }

    public String name() {
        return name;
    }

    /** A connection string (URL) for this database, as a config's {@code connection_string} would hold it. */
    public String url() {
        PgConnectionString parsed = PgConnectionString.parse(server, "SLUICE_TEST_PG_URL");
        return parsed.withDatabase(name);
    }

    public Connection connect() throws SQLException {
        return PgConnectionString.parse(url(), "url").open();
    }

    @Override
    public void close() {
        try (Connection c = admin.open(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
