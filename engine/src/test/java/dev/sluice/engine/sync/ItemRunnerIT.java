package dev.sluice.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.ItemRunner;
import dev.sluice.engine.fetch.StopSignal;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.TransientException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch loop of single work items, against a real SQLite destination. */
class ItemRunnerIT {
    private static final String SOME = "test_some_table";
    private static final String INC = "test_incremental_table";

    @TempDir
    Path dir;

    private static StopSignal afterPages(int pages) {
        AtomicInteger seen = new AtomicInteger();
        return () -> seen.incrementAndGet() >= pages;
    }

    @Test
    void anItemStoppedAfterPageKContinuesFromPageKPlusOne() {
        SyncHarness h = new SyncHarness(dir);
        try (ItemFixture f = new ItemFixture(h, h.config("num_rows: 50, page_size: 7", "append"))) {
            ItemRunner runner = f.runner(Optional.empty());
            ItemOutcome first = runner.run(f.item(SOME), afterPages(2));
            assertThat(first.status()).isEqualTo(ItemOutcome.Status.CONTINUED);
            assertThat(first.rows().get(SOME)).isEqualTo(14);
            WorkItem next = first.continuation().orElseThrow();
            assertThat(next.resumeToken()).contains("14");
            assertThat(next.sequence()).isEqualTo(1);
            assertThat(h.count("select count(*) from " + SOME)).isEqualTo(14);

            ItemOutcome rest = runner.run(next, StopSignal.NEVER);
            assertThat(rest.status()).isEqualTo(ItemOutcome.Status.DONE);
            assertThat(h.count("select count(*) from " + SOME)).isEqualTo(50);
            assertThat(h.count("select count(distinct id) from " + SOME)).isEqualTo(50);
        }
    }

    @Test
    void appendModeWritesAReplayedPageOnlyOnce() {
        SyncHarness h = new SyncHarness(dir);
        try (ItemFixture f = new ItemFixture(h, h.config("num_rows: 50, page_size: 7", "append"))) {
            ItemRunner runner = f.runner(Optional.empty());
            // pages 1-3 land, then the process "crashes": the continuation is lost and the
            // original item is delivered again, replaying pages 1-3 within the same run
            ItemOutcome crashed = runner.run(f.item(SOME), afterPages(3));
            assertThat(h.count("select count(*) from " + SOME)).isEqualTo(21);
            assertThat(h.count("select count(*) from test_sub_table")).isEqualTo(42);

            ItemOutcome replay = runner.run(crashed.item(), StopSignal.NEVER);
            assertThat(replay.status()).isEqualTo(ItemOutcome.Status.DONE);
            assertThat(h.count("select count(*) from " + SOME)).isEqualTo(50);
            assertThat(h.count("select count(distinct id) from " + SOME)).isEqualTo(50);
            assertThat(h.count("select count(*) from test_sub_table")).isEqualTo(100);
        }
    }

    @Test
    void aCursorWriteThatLosesItsRaceStopsAndLeavesTheWinnersValue() {
        SyncHarness h = new SyncHarness(dir);
        try (ItemFixture f = new ItemFixture(h, h.config("num_rows: 30, page_size: 10", "overwrite"))) {
            MapStateStore racing = new MapStateStore() {
                @Override
                public synchronized boolean compareAndSet(String key, OptionalLong expected, String value) {
                    if (entries.isEmpty()) { // another sync commits first
                        super.compareAndSet(key, OptionalLong.empty(), "winner");
                    }
                    return super.compareAndSet(key, expected, value);
                }
            };
            ItemOutcome outcome = f.runner(Optional.of(racing)).run(f.item(INC), StopSignal.NEVER);
            assertThat(outcome.status()).isEqualTo(ItemOutcome.Status.FAILED);
            assertThat(outcome.error()).get().asString().contains("changed by another sync");
            assertThat(racing.get(INC).orElseThrow().value()).isEqualTo("winner");
            assertThat(racing.get(INC).orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void theCursorIsCommittedOnlyOnceItsRowsAreFlushed() {
        SyncHarness h = new SyncHarness(dir);
        // batch_size 7 with pages of 5: after page 1 nothing is flushed, so no cursor may be stored
        try (ItemFixture f = new ItemFixture(h, h.config("num_rows: 30, page_size: 5", "overwrite"))) {
            MapStateStore store = new MapStateStore() {
                @Override
                public synchronized boolean compareAndSet(String key, OptionalLong expected, String value) {
                    long stored = h.count("select count(*) from " + INC);
                    long covered = java.time.Duration.between(java.time.Instant.parse("2024-01-01T00:00:00Z"),
                            java.time.Instant.parse(value)).getSeconds() + 1;
                    assertThat(stored).as("rows stored when the cursor moves to " + value).isGreaterThanOrEqualTo(covered);
                    return super.compareAndSet(key, expected, value);
                }
            };
            ItemOutcome outcome = f.runner(Optional.of(store)).run(f.item(INC), StopSignal.NEVER);
            assertThat(outcome.status()).isEqualTo(ItemOutcome.Status.DONE);
            assertThat(store.get(INC).orElseThrow().value()).isEqualTo("2024-01-01T00:00:29Z");
            assertThat(h.count("select count(*) from " + INC)).isEqualTo(30);
        }
    }

    /** The connection drops as a compare-and-set runs: applied with its acknowledgment lost, or not applied at all. */
    @Test
    void aCursorWriteWhoseOutcomeWasLostIsSettledNotRepeated() throws Exception {
        for (boolean applied : new boolean[] {true, false}) {
            SyncHarness h = new SyncHarness(java.nio.file.Files.createDirectories(dir.resolve(applied ? "applied" : "not-applied")));
            try (ItemFixture f = new ItemFixture(h, h.config("num_rows: 30, page_size: 10", "overwrite"))) {
                AtomicInteger calls = new AtomicInteger();
                MapStateStore flaky = new MapStateStore() {
                    @Override
                    public synchronized boolean compareAndSet(String key, OptionalLong expected, String value) {
                        if (calls.incrementAndGet() == 1) { // the item's one commit (a single flush at its end)
                            if (applied) {
                                super.compareAndSet(key, expected, value);
                            }
                            throw new TransientException("connection lost");
                        }
                        return super.compareAndSet(key, expected, value);
                    }
                };
                ItemOutcome outcome = f.runner(Optional.of(flaky)).run(f.item(INC), StopSignal.NEVER);
                assertThat(outcome.status()).as("applied=%s: %s", applied, outcome.error()).isEqualTo(ItemOutcome.Status.DONE);
                assertThat(flaky.get(INC).orElseThrow().value()).isEqualTo("2024-01-01T00:00:29Z");
                assertThat(flaky.get(INC).orElseThrow().version()).as("written once").isEqualTo(1);
                // retried once either way: applied, the retry loses to the landed write and a read settles it
                assertThat(calls.get()).as("compare-and-set calls").isEqualTo(2);
            }
        }
    }
}
