package dev.sluice.connector.postgresql.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.PgTestDatabase;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The source's row estimate for a progress ETA comes from pg_class.reltuples: known after ANALYZE, none before or for incremental tables. */
class PgRowEstimateIT {
    @Test
    void estimatesFromTheCatalog() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create()) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE analyzed (id int PRIMARY KEY)");
                st.execute("INSERT INTO analyzed SELECT generate_series(1, 500)");
                st.execute("ANALYZE analyzed");
                st.execute("CREATE TABLE fresh (id int PRIMARY KEY)");
                st.execute("CREATE TABLE changes (id int PRIMARY KEY, at timestamptz NOT NULL)");
                st.execute("ANALYZE changes");
            }
            try (PgSource source = new PgSource(PgSourceConfig.parse(new Spec(Map.of(
                    "connection_string", db.url(), "incremental", Map.of("changes", "at")))))) {
                source.open();
                assertThat(source.estimatedRows(table(source, "analyzed"))).isEqualTo(OptionalLong.of(500));
                assertThat(source.estimatedRows(table(source, "fresh"))).isEmpty(); // never analyzed: reltuples is -1
                assertThat(source.estimatedRows(table(source, "changes"))).isEmpty(); // incremental: only what is new is read
            }
        }
    }

    private static Table table(PgSource source, String name) {
        return source.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
