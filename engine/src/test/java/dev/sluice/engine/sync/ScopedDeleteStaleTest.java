package dev.sluice.engine.sync;

import static dev.sluice.engine.sync.ScopedSourceFactory.CHILD;
import static dev.sluice.engine.sync.ScopedSourceFactory.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete-stale per partition in a local sync: a source whose partitions scope rows, one of
 * three partitions failing. The stale rows of the two that synced go, the failed one keeps its.
 */
class ScopedDeleteStaleTest {
    @TempDir
    Path dir;

    private SyncHarness harness() {
        SyncHarness h = new SyncHarness(dir);
        h.registry = h.registry.withSource(new ScopedSourceFactory());
        return h;
    }

    private String config(SyncHarness h, String sourceSpec) {
        return """
                kind: source
                spec:
                  name: scoped
                  path: scoped
                  tables: ["*"]
                  destinations: [sqlite]
                  spec: {%s}
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec:
                    connection_string: %s
                """.formatted(sourceSpec, h.database);
    }

    @Test
    void aFailedPartitionKeepsItsRowsAndTheOthersLoseTheirStaleOnes() {
        SyncHarness h = harness();
        assertThat(h.sync(config(h, "generation: 0")).succeeded()).isTrue();
        assertThat(h.count("select count(*) from " + TABLE)).isEqualTo(15);

        SourceReport report = h.sync(config(h, "generation: 1, fail_partition: b")).sources().get(0);
        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        // a and c: ids 0..2 of generation 1, their ids 3 and 4 deleted; b: its first page (ids 0, 1) landed, 2..4 kept
        for (String t : new String[] {TABLE, CHILD}) {
            assertThat(h.count("select count(*) from " + t + " where region in ('a', 'c')")).as(t).isEqualTo(6);
            assertThat(h.count("select count(*) from " + t + " where region in ('a', 'c') and generation <> 1")).as(t).isZero();
            assertThat(h.count("select count(*) from " + t + " where region = 'b'")).as(t).isEqualTo(5);
            assertThat(h.count("select count(*) from " + t + " where region = 'b' and generation = 0")).as(t).isEqualTo(3);
        }
        assertThat(report.tables()).allSatisfy(t -> {
            assertThat(t.errors()).isEqualTo(1);
            assertThat(t.error()).get().asString().contains("injected failure in partition b");
            assertThat(t.staleDeleted()).isEqualTo(4);
            assertThat(t.stalePerDestination()).containsExactly(java.util.Map.entry("sqlite", 4L));
            assertThat(t.staleNote()).get().asString()
                    .contains("old rows kept for failed partition b of table " + TABLE)
                    .contains("4 stale rows deleted for the other 2");
        });

        // the next complete run deletes b's stale rows too, in one unscoped statement
        SourceReport healed = h.sync(config(h, "generation: 1")).sources().get(0);
        assertThat(healed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(healed.tables()).allSatisfy(t -> {
            assertThat(t.staleDeleted()).isEqualTo(2);
            assertThat(t.staleNote()).isEmpty();
        });
        assertThat(h.count("select count(*) from " + TABLE)).isEqualTo(9);
    }

    @Test
    void aSourceThatDoesNotScopeItsPartitionsKeepsEveryOldRowOfAFailedTable() {
        SyncHarness h = harness();
        h.sync(config(h, "generation: 0, scoped: false"));
        SourceReport report = h.sync(config(h, "generation: 1, fail_partition: b, scoped: false")).sources().get(0);
        assertThat(h.count("select count(*) from " + TABLE)).isEqualTo(15);
        assertThat(report.tables()).allSatisfy(t -> {
            assertThat(t.staleDeleted()).isZero();
            assertThat(t.staleNote()).get().asString().isEqualTo("old rows kept: table " + TABLE + " did not sync completely");
        });
    }

    @Test
    void whenEveryPartitionFailsNothingIsDeleted() {
        SyncHarness h = harness();
        h.sync(config(h, "generation: 0"));
        SourceReport report = h.sync(config(h, "generation: 1, fail_partition: '*'")).sources().get(0);
        assertThat(h.count("select count(*) from " + TABLE)).isEqualTo(15);
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.staleNote()).get().asString().startsWith("old rows kept: table"));
    }
}
