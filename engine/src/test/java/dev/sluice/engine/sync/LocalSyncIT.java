package dev.sluice.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.connect.ConnectorRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on one machine: the test source into a real SQLite file, as `sluice sync` runs it. */
class LocalSyncIT {
    private static final String SOME = "test_some_table";
    private static final String SUB = "test_sub_table";
    private static final String INC = "test_incremental_table";

    @TempDir
    Path dir;

    @Test
    void generationZeroToOneUnderOverwriteDeleteStale() {
        SyncHarness h = new SyncHarness(dir);
        SyncReport first = h.sync(h.config("num_rows: 100, page_size: 7", "overwrite-delete-stale"));
        assertThat(first.succeeded()).isTrue();
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(100);
        assertThat(h.count("select count(*) from " + SUB)).isEqualTo(200);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(100);
        assertThat(h.counting.served(INC)).isEqualTo(100);

        h.counting.reset();
        SyncReport second = h.sync(h.config("num_rows: 100, page_size: 7, generation: 1", "overwrite-delete-stale"));
        assertThat(second.succeeded()).isTrue();
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(90);
        assertThat(h.count("select count(*) from " + SOME + " where id % 10 = 9")).isZero();
        assertThat(h.count("select count(*) from " + SOME + " where generation <> 1")).isZero();
        assertThat(h.count("select count(*) from " + SUB)).isEqualTo(180);
        assertThat(h.count("select count(*) from " + SUB + " where generation <> 1")).isZero();
        // incremental: the source served only the 100 new rows; the table holds both generations
        assertThat(h.counting.served(INC)).isEqualTo(100);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(200);
        assertThat(h.count("select count(*) from cloudquery_sync_summaries")).isEqualTo(2);
        assertThat(second.sources().get(0).tables()).filteredOn(t -> t.table().equals(SOME))
                .singleElement().satisfies(t -> assertThat(t.staleDeleted()).isEqualTo(10));
    }

    @Test
    void aSecondRunOfTheSameDataLeavesTheSameCounts() {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 50", "overwrite-delete-stale");
        h.sync(config);
        h.sync(config);
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(50);
        assertThat(h.count("select count(*) from " + SUB)).isEqualTo(100);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(50);
        assertThat(h.count("select count(distinct _cq_sync_time) from " + SOME)).isEqualTo(1);
    }

    @Test
    void withoutBackendOptionsTheCursorLivesBesideTheRowsAndGoesWithThem() throws Exception {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 40", "overwrite-delete-stale");
        h.sync(config);
        assertThat(h.count("select count(*) from cq_state_test where key not like 'sluice_lease:%'")).isEqualTo(1);

        // the user deletes the database: the next sync must not trust a cursor kept elsewhere
        java.nio.file.Files.delete(h.database);
        h.counting.reset();
        h.sync(config);
        assertThat(h.counting.served(INC)).isEqualTo(40);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(40);
    }

    @Test
    void appendTwoSyncsDoubleTheFullTablesAndIncrementalAddsOnlyNewRows() {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 40, page_size: 9", "append");
        h.sync(config);
        h.sync(config);
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(80);
        assertThat(h.count("select count(*) from " + SUB)).isEqualTo(160);
        assertThat(h.count("select count(distinct _cq_sync_time) from " + SOME)).isEqualTo(2);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(40);
        assertThat(h.counting.served(INC)).isEqualTo(40);
    }

    @Test
    void aSourceFailureMidTableKeepsThatTablesOldRowsAndFinishesTheOthers() {
        SyncHarness h = new SyncHarness(dir);
        h.sync(h.config("num_rows: 100, page_size: 7", "overwrite-delete-stale"));

        SyncReport failed = h.sync(h.config(
                "num_rows: 100, page_size: 7, generation: 1, fail_table: " + SOME + ", fail_on_page: 3", "overwrite-delete-stale"));
        SourceReport report = failed.sources().get(0);
        assertThat(failed.succeeded()).isFalse();
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.tables()).filteredOn(t -> t.table().equals(SOME)).singleElement().satisfies(t -> {
            assertThat(t.errors()).isEqualTo(1);
            assertThat(t.error()).get().asString().contains("injected failure").contains("page 3");
            assertThat(t.staleNote()).get().asString().contains("old rows kept");
            // pages 1 and 2 (ids 0..13) were written before the failure; id 9 is absent in generation 1
            assertThat(t.rows()).isEqualTo(13);
        });
        // old rows kept: generation-0-only ids are still there, nothing was deleted
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(100);
        assertThat(h.count("select count(*) from " + SOME + " where id % 10 = 9")).isEqualTo(10);
        assertThat(h.count("select count(*) from " + SUB)).isEqualTo(200);
        // the other table completed
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(200);
        assertThat(h.count("select count(*) from cloudquery_sync_summaries where status = 'PARTIAL'")).isEqualTo(1);
    }

    @Test
    void aFailedWriteNeverLeavesTheCursorAheadOfTheRows() {
        SyncHarness h = new SyncHarness(dir);
        FailingDestinationFactory failing = new FailingDestinationFactory(
                ConnectorRegistry.builtIn().destination("sqlite").orElseThrow(), INC);
        h.registry = h.registry.withDestination(failing);
        failing.failFromWrite = 3; // pages 1 and 2 land (batch_size 7 = page_size), then every write fails
        SyncReport broken = h.sync(h.config("num_rows: 70, page_size: 7", "append"));
        assertThat(broken.succeeded()).isFalse();
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(14);

        failing.failFromWrite = 0;
        h.counting.reset();
        SyncReport healed = h.sync(h.config("num_rows: 70, page_size: 7", "append"));
        assertThat(healed.succeeded()).isTrue();
        // append mode would show a duplicate if the cursor lagged, a gap if it ran ahead
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(70);
        assertThat(h.count("select count(distinct id) from " + INC)).isEqualTo(70);
        assertThat(h.counting.served(INC)).isEqualTo(56);
    }

    @Test
    void appendNeverAddsARowVersionTwiceWhenRowsLandedButTheCursorDidNot() {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 40, page_size: 9", "append");
        h.sync(config);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(40);
        // what a crash between flush and cursor commit leaves: the rows, and the cursor where it was
        h.execute("delete from cq_state_test where key not like 'sluice_lease:%'");
        h.counting.reset();
        SyncReport replay = h.sync(config);
        assertThat(replay.succeeded()).isTrue();
        assertThat(h.counting.served(INC)).isEqualTo(40);
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(40);
        // a full table is a snapshot per sync: its rows are appended again, as documented
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(80);
        // new row versions are appended
        h.sync(h.config("num_rows: 40, page_size: 9, generation: 1", "append"));
        assertThat(h.count("select count(*) from " + INC)).isEqualTo(80);
        assertThat(h.count("select count(distinct id) from " + INC)).isEqualTo(80);
    }

    @Test
    void aWriteThatFailedIsNotTriedAgainWhenTheItemEnds() {
        SyncHarness h = new SyncHarness(dir);
        FailingDestinationFactory failing = new FailingDestinationFactory(
                ConnectorRegistry.builtIn().destination("sqlite").orElseThrow(), INC);
        h.registry = h.registry.withDestination(failing);
        failing.failFromWrite = 3;
        SyncReport broken = h.sync(h.config("num_rows: 70, page_size: 7", "append"));
        assertThat(broken.succeeded()).isFalse();
        // writes 1 and 2 landed, write 3 failed once: the item ended without writing its rows again
        // (a lock timeout would otherwise be waited out twice)
        assertThat(failing.writes.get()).isEqualTo(3);
    }
}
