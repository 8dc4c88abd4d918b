package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.TableComparison.TypeChange;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public sample database of the kind users have (Pagila, test resources {@code pagila/}) synced
 * PostgreSQL → PostgreSQL through the engine: every table, and every view once the source reads
 * views, equal to its source, column types included, under each write mode and incrementally.
 * Rows compare with every column as text; a failure lists every difference of every table at once.
 */
class PgSampleDatabaseIT {
    /**
     * The columns whose destination type differs from the source's by design: types PostgreSQL
     * alone has, with no built-in equivalent, arrive as their text or their base type. Their
     * values still compare equal as text. Every other column must keep its type exactly.
     */
    static final List<TypeChange> TYPE_CHANGES = List.of(
            new TypeChange("film", "rating", "mpaa_rating", "text", "an enum arrives as text, its label"),
            new TypeChange("film", "release_year", "year", "integer",
                    "a domain arrives as its base type, without its CHECK constraint"),
            new TypeChange("film", "fulltext", "tsvector", "text", "tsvector has no equivalent; its text form is kept"),
            // views (asserted once the source reads views)
            new TypeChange("film_list", "rating", "mpaa_rating", "text", "an enum arrives as text, its label"),
            new TypeChange("nicer_but_slower_film_list", "rating", "mpaa_rating", "text", "an enum arrives as text, its label"));

    /**
     * Changes at the source between two syncs. Updates bump {@code last_update} through the dump's
     * own triggers (and {@code film.fulltext} through its tsvector trigger); the deletes remove
     * rentals 1 to 3 with their payments (which reference them) and two rows of a composite key.
     */
    static final String[] CHANGES = {
            "UPDATE film SET rental_rate = rental_rate + 1, rating = 'NC-17', description = description || ' — édition ünïcode',"
                    + " special_features = special_features || '{\"Director''s Cut\"}' WHERE film_id IN (1, 2, 3)",
            "UPDATE customer SET email = NULL, active = 0, activebool = false WHERE customer_id IN (5, 6)",
            "UPDATE language SET name = 'Klingon' WHERE language_id = 6",
            "UPDATE staff SET picture = '\\x00ff10'::bytea, password = NULL WHERE staff_id = 1",
            "INSERT INTO actor (actor_id, first_name, last_name) VALUES (201, 'ZOË', 'O''NEIL \"THE\" \\ BACKSLASH')",
            "INSERT INTO film_actor (actor_id, film_id) VALUES (201, 1), (201, 2)",
            "INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)"
                    + " VALUES (32099, 1, 1, 76, 9.99, '2022-07-15 12:00:00.123456+00')",
            "DELETE FROM payment WHERE rental_id IN (1, 2, 3)",
            "DELETE FROM rental WHERE rental_id IN (1, 2, 3)",
            "DELETE FROM film_actor WHERE actor_id = 1 AND film_id IN (1, 23)"};
    /** Rows CHANGES updates or inserts, per table with {@code last_update}: what an incremental sync serves next. */
    static final Map<String, Long> CHANGED = Map.of("film", 3L, "customer", 2L, "language", 1L, "staff", 1L, "actor", 1L,
            "film_actor", 2L);
    /** Rows CHANGES deletes, per table. */
    static final Map<String, Long> DELETED = Map.of("payment", 3L, "rental", 3L, "film_actor", 2L);

    /** write_mode overwrite: one sync, then every table (and view, when synced) compared. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Overwrite {
        PgSyncHarness h;
        SyncReport report;

        @BeforeAll
        void syncOnce(@TempDir Path dir) {
            h = new PgSyncHarness(dir);
            Pagila.load(h.source);
            report = h.sync(h.config("", "overwrite"));
        }

        @AfterAll
        void dropDatabases() {
            h.close();
        }

        @Test
        void everyTableEqualsItsSource() {
            assertSucceeded(h, report);
            assertSame(h, tables(h), Map.of());
        }

        @Test
        void everyViewEqualsItsSource() {
            List<String> views = TableComparison.relations(h.source, "v", "m");
            assertThat(views).as("Pagila's views").hasSize(8);
            Set<String> synced = report.sources().get(0).tables().stream().map(TableReport::table).collect(Collectors.toSet());
            assertThat(synced).as("every view and materialized view is synced").containsAll(views);
            assertSucceeded(h, report);
            assertSame(h, views, Map.of());
        }
    }

    /** write_mode overwrite-delete-stale: after deletes, updates and inserts, a second sync leaves the source's rows. */
    @Nested
    class OverwriteDeleteStale {
        @TempDir
        Path dir;
        PgSyncHarness h;

        @BeforeEach
        void load() {
            h = new PgSyncHarness(dir);
            Pagila.load(h.source);
        }

        @AfterEach
        void dropDatabases() {
            h.close();
        }

        @Test
        void deletedRowsGoAndEveryTableEqualsItsSource() {
            String config = h.config("", "overwrite-delete-stale");
            assertSucceeded(h, h.sync(config));
            execute(h.source, CHANGES);
            SyncReport second = h.sync(config);
            assertSucceeded(h, second);
            for (String t : tables(h)) {
                assertThat(table(second, t).staleDeleted()).as("stale rows deleted from %s", t)
                        .isEqualTo(DELETED.getOrDefault(t, 0L));
            }
            assertSame(h, tables(h), Map.of());
        }
    }

    /**
     * Incremental on {@code last_update} for every table that has it ({@code payment} has not and
     * stays a full table): a second sync serves only the changed rows; deletes are not seen by an
     * incremental table (as in CloudQuery), so its deleted rows stay while the full table loses them.
     */
    @Nested
    class Incremental {
        @TempDir
        Path dir;
        PgSyncHarness h;

        @BeforeEach
        void load() {
            h = new PgSyncHarness(dir);
            Pagila.load(h.source);
        }

        @AfterEach
        void dropDatabases() {
            h.close();
        }

        @Test
        void secondSyncServesOnlyChangedRowsAndKeepsDeletedOnes() {
            List<String> incremental = tables(h).stream()
                    .filter(t -> TableComparison.columns(h.source, t).containsKey("last_update")).toList();
            assertThat(incremental).as("tables with last_update").hasSize(14).doesNotContain("payment");
            String config = h.config("incremental:\n" + incremental.stream().map(t -> "  public." + t + ": last_update")
                    .collect(Collectors.joining("\n")), "overwrite-delete-stale");
            SyncReport first = h.sync(config);
            assertSucceeded(h, first);
            for (String t : tables(h)) {
                assertThat(table(first, t).rows()).as("rows of %s, first sync", t)
                        .isEqualTo(count(h.source, "SELECT count(*) FROM " + PgNames.quote(t)));
            }

            // what an incremental sync cannot see going: kept aside, outside what the source reads
            execute(h.source, "CREATE SCHEMA kept",
                    "CREATE TABLE kept.rental AS SELECT * FROM rental WHERE rental_id IN (1, 2, 3)",
                    "CREATE TABLE kept.film_actor AS SELECT * FROM film_actor WHERE actor_id = 1 AND film_id IN (1, 23)");
            execute(h.source, CHANGES);
            SyncReport second = h.sync(config);
            assertSucceeded(h, second);
            for (String t : incremental) {
                assertThat(table(second, t).rows()).as("rows of incremental table %s, second sync", t)
                        .isEqualTo(CHANGED.getOrDefault(t, 0L));
                assertThat(table(second, t).staleDeleted()).as("stale rows deleted from incremental table %s", t).isZero();
            }
            assertThat(table(second, "payment").rows()).as("payment (a full table) reads every row")
                    .isEqualTo(count(h.source, "SELECT count(*) FROM payment"));
            assertThat(table(second, "payment").staleDeleted()).as("payment's deleted rows").isEqualTo(DELETED.get("payment"));

            // nothing changed: a third sync serves no row of an incremental table; the comparison follows it
            SyncReport third = h.sync(config);
            assertSucceeded(h, third);
            incremental.forEach(t -> assertThat(table(third, t).rows()).as("rows of %s, nothing changed", t).isZero());
            assertSame(h, tables(h), Map.of(
                    "rental", "(SELECT * FROM public.rental UNION ALL SELECT * FROM kept.rental) AS rental",
                    "film_actor", "(SELECT * FROM public.film_actor UNION ALL SELECT * FROM kept.film_actor) AS film_actor"));
        }
    }

    /** Ordinary and partitioned tables of the source (partitions are read through their parent). */
    static List<String> tables(PgSyncHarness h) {
        return TableComparison.relations(h.source, "r", "p");
    }

    static void assertSucceeded(PgSyncHarness h, SyncReport report) {
        assertThat(report.succeeded()).as("%s", report).isTrue();
        Set<String> synced = report.sources().get(0).tables().stream().map(TableReport::table).collect(Collectors.toSet());
        assertThat(synced).as("tables synced").containsAll(tables(h));
    }

    /**
     * Every relation of {@code names} in the destination equals its source: types (but for
     * {@link #TYPE_CHANGES}) and rows. {@code sourceRelations}: what a table's rows are expected
     * to be instead of the source table's (a FROM expression).
     */
    static void assertSame(PgSyncHarness h, List<String> names, Map<String, String> sourceRelations) {
        List<String> differences = new ArrayList<>();
        Function<String, String> relation = t -> sourceRelations.getOrDefault(t, "public." + PgNames.quote(t));
        for (String t : names) {
            differences.addAll(TableComparison.types(h.source, h.destination, t, TYPE_CHANGES));
            differences.addAll(TableComparison.rows(h.source, relation.apply(t), h.destination, t));
        }
        assertThat(differences).withFailMessage(() -> differences.size() + " differences between source and destination:\n"
                + String.join("\n", differences)).isEmpty();
    }
}
