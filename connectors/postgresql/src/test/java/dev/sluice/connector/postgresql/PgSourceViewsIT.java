package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static dev.sluice.connector.postgresql.PgSyncHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.source.PgSource;
import dev.sluice.connector.postgresql.source.PgSourceConfig;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views, materialized views and partitioned tables without a key sync as full tables, a page at
 * a time: views from a cursor held open between pages, re-opened over the same order (skipping
 * what was read) when a read continues in another process or the held one is gone.
 */
class PgSourceViewsIT {
    private static final String SCHEMA = """
            CREATE TABLE orders (id bigint PRIMARY KEY, customer text, placed timestamptz, note text);
            INSERT INTO orders SELECT g, 'c' || (g % 17), '2024-01-01'::timestamptz + g * interval '1 minute',
              CASE WHEN g % 5 = 0 THEN NULL ELSE repeat('x', g % 7) END FROM generate_series(1, 1050) g;
            INSERT INTO orders SELECT g, 'dup', '2024-06-01', 'same' FROM generate_series(2001, 2010) g;
            CREATE VIEW order_view AS SELECT customer, placed, note FROM orders;
            CREATE MATERIALIZED VIEW customer_totals AS SELECT customer, count(*)::bigint AS n FROM orders GROUP BY customer;
            CREATE TABLE events (at timestamptz NOT NULL, what text) PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00');
            CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2026-01-01 00:00+00');
            INSERT INTO events SELECT '2024-01-01 00:00+00'::timestamptz + g * interval '1 day', 'e' || g
              FROM generate_series(0, 700) g;
            """;
    /** The view's rows: ten of them alike in every column, so the order has ties. */
    private static final String VIEW_ROWS = "SELECT customer, placed AT TIME ZONE 'UTC', note FROM %s ORDER BY 1, 2, 3";

    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
        execute(h.source, SCHEMA);
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void viewsMaterializedViewsAndUnkeyedPartitionedTablesSyncInPages() {
        SyncReport report = h.sync(h.config("page_size: 100", "overwrite-delete-stale"));
        assertThat(report.succeeded()).as("%s", report).isTrue();
        assertThat(table(report, "order_view").rows()).isEqualTo(1060);
        assertThat(rows(h.destination, VIEW_ROWS.formatted("order_view")))
                .isEqualTo(rows(h.source, VIEW_ROWS.formatted("order_view")));
        assertThat(rows(h.destination, "SELECT customer, n FROM customer_totals ORDER BY 1"))
                .isEqualTo(rows(h.source, "SELECT customer, n FROM customer_totals ORDER BY 1"));
        assertThat(rows(h.destination, "SELECT at, what FROM events ORDER BY at"))
                .isEqualTo(rows(h.source, "SELECT at, what FROM events ORDER BY at"));
        assertThat(count(h.destination, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'events_20%'"))
                .as("partitions sync through their parent only").isZero();

        SyncReport again = h.sync(h.config("page_size: 100", "overwrite-delete-stale"));
        assertThat(again.succeeded()).isTrue();
        assertThat(count(h.destination, "SELECT count(*) FROM order_view")).as("stale rows deleted").isEqualTo(1060);
    }

    @Test
    void aViewReadContinuesInAnotherProcessWithoutLosingOrRepeatingRows() {
        List<String> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            try (PgSource source = source()) { // every page in a new "invocation": the held cursor is never there
                Page page = source.fetch(request(source, "order_view", token));
                page.rows().forEach(r -> all.add(Arrays.toString(r)));
                token = page.nextToken();
                pages++;
            }
        } while (token.isPresent());
        assertThat(pages).isEqualTo(11);
        assertThat(all).hasSize(1060).containsExactlyInAnyOrderElementsOf(oneProcess());
    }

    @Test
    void aPageFetchedAgainOrAfterTheHeldCursorDiedIsTheSamePage() {
        try (PgSource source = source()) {
            Page first = source.fetch(request(source, "order_view", Optional.empty()));
            Page second = source.fetch(request(source, "order_view", first.nextToken()));
            Page secondAgain = source.fetch(request(source, "order_view", first.nextToken())); // a retry: reopened, moved
            assertThat(texts(secondAgain)).isEqualTo(texts(second));
            execute(h.source, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'FETCH FORWARD%' AND pid <> pg_backend_pid()");
            Page third = source.fetch(request(source, "order_view", secondAgain.nextToken())); // held one killed: reopened
            try (PgSource other = source()) {
                assertThat(texts(other.fetch(request(other, "order_view", secondAgain.nextToken())))).isEqualTo(texts(third));
            }
            Set<String> seen = new HashSet<>();
            for (Page p : List.of(first, second, third)) {
                assertThat(p.rows()).hasSize(100);
                p.rows().forEach(r -> seen.add(Arrays.toString(r)));
            }
            assertThat(seen).hasSizeGreaterThan(290); // ten rows alike: at most nine collapse
        }
    }

    private List<String> oneProcess() {
        List<String> all = new ArrayList<>();
        try (PgSource source = source()) {
            Optional<String> token = Optional.empty();
            do {
                Page page = source.fetch(request(source, "order_view", token));
                page.rows().forEach(r -> all.add(Arrays.toString(r)));
                token = page.nextToken();
            } while (token.isPresent());
        }
        return all;
    }

    private static List<String> texts(Page page) {
        return page.rows().stream().map(Arrays::toString).toList();
    }

    private PgSource source() {
        PgSource source = new PgSource(PgSourceConfig.parse(new Spec(Map.of("connection_string", h.source.url(),
                "page_size", 100))));
        source.open();
        return source;
    }

    private static FetchRequest request(PgSource source, String table, Optional<String> token) {
        Table t = source.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
        return new FetchRequest(t, "", token, Optional.empty());
    }
}
