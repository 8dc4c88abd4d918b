package dev.sluice.cli.faults;

import dev.sluice.connector.postgresql.PgConnectionString;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the shared PostgreSQL server ({@code SLUICE_TEST_PG_URL}, default
 * the local one, user postgres, trust auth), dropped on {@link #close()}. Never touches the
 * server itself.
 */
final class PgScratch implements AutoCloseable {
    private static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    private final PgConnectionString admin;
    private final String name;

    private PgScratch(PgConnectionString admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static PgScratch create(String label) {
        String server = System.getenv("SLUICE_TEST_PG_URL");
        PgConnectionString admin = PgConnectionString.parse(server == null || server.isBlank() ? DEFAULT_URL : server,
                "SLUICE_TEST_PG_URL");
        String name = "sluice_faults_" + label + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection c = admin.open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + admin.redacted() + ": " + e.getMessage(), e);
        }
        return new PgScratch(admin, name);
    }

    String name() {
        return name;
    }

    /** The URL a config's connection_string holds for this database. */
    String url() {
        return admin.withDatabase(name);
    }

    Connection connect() throws SQLException {
        return PgConnectionString.parse(url(), "url").open();
    }

    @Override
    public void close() {
        try (Connection c = admin.open(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }
}
