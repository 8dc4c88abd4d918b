package dev.sluice.cli.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A destination a fault case writes into: its YAML document, a JDBC connection to read the rows
 * back, and where the state table lives when a source keeps its cursors in
 * {@code backend_options} (SQLite: a second file, so rows and cursors are in different
 * databases; PostgreSQL: another table of the same database).
 */
interface Target extends AutoCloseable {
    String STATE_DESTINATION = "state";
    String BACKEND_TABLE = "sluice_backend_state";

    String kind();

    /** The destination document named {@code name}. */
    String destinationDoc(String name, String writeMode);

    Connection connect() throws SQLException;

    /** Extra documents a source with backend_options needs (the state destination), or "". */
    String backendDocs();

    /** The {@code @@plugins.X.connection} reference of the backend, given the rows' destination name. */
    String backendConnection(String destinationName);

    /** A connection to the database that holds the backend_options state table. */
    Connection connectBackend() throws SQLException;

    @Override
    void close();

    static Target sqlite(Path dir) {
        return new SqliteTarget(dir);
    }

    static Target postgres(String label) {
        return new PgTarget(PgScratch.create(label));
    }

    /** SQLite: rows in {@code dir/out.sqlite}, backend state in {@code dir/state.sqlite}. */
    record SqliteTarget(Path dir) implements Target {
        public String kind() {
            return "sqlite";
        }

        public String destinationDoc(String name, String writeMode) {
            return doc(name, writeMode, dir.resolve("out.sqlite"));
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("out.sqlite"));
        }

        public String backendDocs() {
            return doc(STATE_DESTINATION, "overwrite-delete-stale", dir.resolve("state.sqlite"));
        }

        public String backendConnection(String destinationName) {
            return "@@plugins." + STATE_DESTINATION + ".connection";
        }

        public Connection connectBackend() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.sqlite"));
        }

        public void close() {
        }

        private static String doc(String name, String writeMode, Path file) {
            return """
                    kind: destination
                    spec:
                      name: %s
                      path: cloudquery/sqlite
                      write_mode: %s
                      spec:
                        connection_string: %s
                        batch_size: 2000
                    """.formatted(name, writeMode, file);
        }
    }

    /** PostgreSQL: a scratch database of its own; backend state in another table of it. */
    record PgTarget(PgScratch db) implements Target {
        public String kind() {
            return "postgresql";
        }

        public String destinationDoc(String name, String writeMode) {
            return """
                    kind: destination
                    spec:
                      name: %s
                      path: cloudquery/postgresql
                      write_mode: %s
                      spec:
                        connection_string: "%s"
                        batch_size: 2000
                    """.formatted(name, writeMode, db.url());
        }

        public Connection connect() throws SQLException {
            return db.connect();
        }

        public String backendDocs() {
            return "";
        }

        public String backendConnection(String destinationName) {
            return "@@plugins." + destinationName + ".connection";
        }

        public Connection connectBackend() throws SQLException {
            return db.connect();
        }

        public void close() {
            db.close();
        }
    }
}
