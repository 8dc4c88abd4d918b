package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writes as the engine expresses them: a primary key upserts, a unique key alone skips rows
 * already stored, neither appends; every write is all or none; writers may run concurrently.
 */
public abstract class WriteConformance extends ConformanceSupport {

    @Test
    public void primaryKeyUpserts() {
        TableSchema t = upsertTable("upserts");
        migrate(t);
        write(t, row(1, 1L, "one"), row(2, 2L, "two"));
        write(t, row(3, 1L, "one again"), row(4, 3L, "three"));
        assertRows(t, row(3, 1L, "one again"), row(2, 2L, "two"), row(4, 3L, "three"));
    }

    @Test
    public void upsertKeepsTheLastOfEqualKeysInOneBatch() {
        TableSchema t = upsertTable("last_wins");
        migrate(t);
        write(t, row(1, 1L, "first"), row(2, 2L, "other"), row(3, 1L, "second"), row(4, 1L, "third"));
        assertRows(t, row(4, 1L, "third"), row(2, 2L, "other"));
    }

    @Test
    public void upsertOfARedeliveredBatchChangesNothing() {
        TableSchema t = upsertTable("redelivered_upsert");
        migrate(t);
        Object[][] batch = {row(1, 1L, "one"), row(2, 2L, "two")};
        write(t, batch);
        write(t, batch);
        assertRows(t, batch);
    }

    @Test
    public void compositePrimaryKeyUpserts() {
        TableSchema t = CqSchema.table("composite").column("region", ColumnType.STRING)
                .column("n", ColumnType.INT64).column("value", ColumnType.STRING).primaryKey("region", "n").build();
        migrate(t);
        write(t, row(1, "eu", 1L, "a"), row(2, "us", 1L, "b"), row(3, "eu", 2L, "c"));
        write(t, row(4, "us", 1L, "b2"));
        assertRows(t, row(1, "eu", 1L, "a"), row(4, "us", 1L, "b2"), row(3, "eu", 2L, "c"));
    }

    @Test
    public void uniqueKeySkipsRowsAlreadyStored() {
        TableSchema t = appendTable("unique_skips");
        migrate(t);
        write(t, row(1, "one"), row(2, "two"));
        write(t, row(2, "two, changed"), row(3, "three"));
        assertRows(t, row(1, "one"), row(2, "two"), row(3, "three"));
    }

    @Test
    public void uniqueKeySkipsDuplicatesWithinOneBatch() {
        TableSchema t = appendTable("unique_in_batch");
        migrate(t);
        write(t, row(1, "first"), row(1, "second"), row(2, "two"));
        assertRows(t, row(1, "first"), row(2, "two"));
    }

    @Test
    public void uniqueKeyInsertOfARedeliveredBatchChangesNothing() {
        TableSchema t = appendTable("redelivered_append");
        migrate(t);
        Object[][] batch = {row(1, "one"), row(2, "two")};
        write(t, batch);
        write(t, batch);
        assertRows(t, batch);
    }

    @Test
    public void uniqueKeyAddsTheRowsOfANewSync() {
        TableSchema t = appendTable("append_syncs");
        migrate(t);
        Object[] first = CqSchema.row(T0, SOURCE, id(1), null, "one");
        Object[] next = CqSchema.row(T1, SOURCE, id(1), null, "one");
        write(t, first);
        write(t, next);
        assertRows(t, first, next);
    }

    @Test
    public void withoutKeysEveryRowIsAppended() {
        TableSchema t = plainTable("plain");
        migrate(t);
        write(t, row(1, "one"), row(1, "one"));
        write(t, row(1, "one"));
        assertRows(t, row(1, "one"), row(1, "one"), row(1, "one"));
    }

    @Test
    public void anEmptyBatchChangesNothing() {
        TableSchema t = upsertTable("empty_batch");
        migrate(t);
        destination().write(t, List.of());
        assertRows(t);
    }

    @Test
    public void aBatchWithABadRowStoresNoneOfIt() {
        List<TableSchema> tables = List.of(
                CqSchema.table("atomic_upsert").column("id", ColumnType.INT64)
                        .notNullColumn("required", ColumnType.STRING).primaryKey("id").build(),
                CqSchema.table("atomic_append").column("id", ColumnType.INT64)
                        .notNullColumn("required", ColumnType.STRING).appendMode().build(),
                CqSchema.table("atomic_plain").column("id", ColumnType.INT64)
                        .notNullColumn("required", ColumnType.STRING).build());
        for (TableSchema t : tables) {
            migrate(t);
            write(t, row(1, 1L, "stored"));
            List<Object[]> batch = List.of(row(2, 2L, "new"), row(3, 1L, "changed"), row(4, 4L, null), row(5, 5L, "after"));
            assertThatExceptionOfType(ConnectorException.class).as("table %s", t.name())
                    .isThrownBy(() -> destination().write(t, batch))
                    .satisfies(e -> assertThat(e.retryable()).as("a NOT NULL violation is not transient").isFalse());
            assertRows(t, row(1, 1L, "stored"));
        }
    }

    @Test
    public void concurrentWritersAllLand() throws Exception {
        TableSchema upserts = upsertTable("concurrent_upserts");
        TableSchema appends = appendTable("concurrent_appends");
        migrate(upserts, appends);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < 10; b++) {
                        List<Object[]> up = new ArrayList<>();
                        List<Object[]> ap = new ArrayList<>();
                        for (int r = 0; r < 25; r++) {
                            int n = worker * 10_000 + b * 100 + r;
                            up.add(row(n, (long) n, "u" + n));
                            ap.add(row(n, "a" + n));
                        }
                        destination().write(upserts, up);
                        destination().write(appends, ap);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(destination().readAll(upserts)).hasSize(1000);
        assertThat(destination().readAll(appends)).hasSize(1000);
    }
}
