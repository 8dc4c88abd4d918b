package dev.sluice.connector.postgresql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.connector.postgresql.destination.PgDestination;
import dev.sluice.connector.postgresql.destination.PgDestinationConfig;
import dev.sluice.spi.Destination;
import dev.sluice.testkit.DestinationConformanceSuite;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The destination conformance suite against the real server, in a database of its own per test class. */
class PgDestinationIT extends DestinationConformanceSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PgTestDatabase db;
    private static int schemaCounter;

    @BeforeAll
    static void createDatabase() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /** A fresh, empty schema per test: the connection's search path puts the tables there. */
    @Override
    protected Destination newDestination() {
        String schema = "t" + (++schemaCounter);
        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema;
        return new PgDestination(new PgDestinationConfig(PgConnectionString.parse(url, "connection_string"), true));
    }

    /** jsonb stores documents parsed: key order and spacing are its own. */
    @Override
    protected String normalizeJson(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
