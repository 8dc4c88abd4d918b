package dev.sluice.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A database of its own on the shared PostgreSQL server (127.0.0.1:5432, user postgres), dropped on close. */
final class ScratchPg implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name = "sluice_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    ScratchPg() throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    /** The database as a config's connection_string. */
    String url() {
        return "postgresql://postgres@127.0.0.1:5432/" + name;
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + name, "postgres", ""); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static void admin(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
