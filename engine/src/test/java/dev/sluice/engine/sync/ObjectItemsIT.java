package dev.sluice.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.config.ConfigError;
import dev.sluice.engine.connect.ForwardingDestination;
import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.ItemRunner;
import dev.sluice.engine.fetch.StopSignal;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.schema.InternalColumns;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.MemoryObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch loop into a destination of objects ({@link MemoryObjects}, the reference): objects
 * end only between pages, a replayed page writes an object of the same name, a failure leaves
 * no object half-written, and a cursor moves only over rows in sealed objects.
 */
class ObjectItemsIT {
    private static final String SOME = "test_some_table";
    private static final String SUB = "test_sub_table";
    private static final String INC = "test_incremental_table";

    @TempDir
    Path dir;

    private final MemoryObjects objects = new MemoryObjects(true);

    private SyncHarness harness(ObjectWriter writer) {
        SyncHarness h = new SyncHarness(dir);
        h.registry = h.registry.withDestination(new DestinationFactory() {
            @Override
            public String name() {
                return "memory_objects";
            }

            @Override
            public Destination create(ConnectorConfig config) {
                return new ForwardingDestination(objects) {
                    @Override
                    public Optional<ObjectWriter> objects() {
                        return Optional.of(writer);
                    }
                };
            }
        });
        return h;
    }

    private static String config(String sourceSpec, String writeMode, int batchSize) {
        return """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [files]
                  spec: {%s}
                ---
                kind: destination
                spec:
                  name: files
                  path: memory_objects
                  write_mode: %s
                  spec:
                    batch_size: %d
                """.formatted(sourceSpec, writeMode, batchSize);
    }

    private static StopSignal afterPages(int pages) {
        AtomicInteger seen = new AtomicInteger();
        return () -> seen.incrementAndGet() >= pages;
    }

    private long distinctIds(String table) {
        return objects.rowsOf(table).stream().map(r -> r[InternalColumns.ID_INDEX]).distinct().count();
    }

    @Test
    void objectsHoldWholePagesAndEndAtBatchSizeBetweenPages() {
        SyncHarness h = harness(objects);
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 50, page_size: 7", "append", 10))) {
            ItemOutcome done = f.runner(Optional.empty()).run(f.item(SOME), StopSignal.NEVER);
            assertThat(done.status()).isEqualTo(ItemOutcome.Status.DONE);
            // pages of 7: an object ends after the page that takes it to 10 rows or more
            assertThat(objects.objectsOf(SOME).values()).extracting(s -> s.rows().size())
                    .containsExactlyInAnyOrder(14, 14, 14, 8);
            assertThat(objects.rowsOf(SOME)).hasSize(50);
            assertThat(distinctIds(SOME)).isEqualTo(50);
            assertThat(objects.rowsOf(SUB)).hasSize(100);
            assertThat(objects.openObjects()).isZero();
            assertThat(done.rows().get(SOME)).isEqualTo(50);
            // only the object holding the table's first rows says so
            assertThat(objects.objectsOf(SOME).values()).filteredOn(o -> o.name().first())
                    .extracting(o -> o.rows().size()).containsExactly(14);
        }
    }

    @Test
    void aReplayAfterACrashReplacesTheObjectsItWroteInsteadOfAddingCopies() {
        SyncHarness h = harness(objects);
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 50, page_size: 7", "append", 10))) {
            ItemRunner runner = f.runner(Optional.empty());
            // three pages land (objects of pages 1-2 and of page 3, sealed as the item stops),
            // then the continuation is lost and the first message is delivered again
            ItemOutcome crashed = runner.run(f.item(SOME), afterPages(3));
            assertThat(crashed.status()).isEqualTo(ItemOutcome.Status.CONTINUED);
            assertThat(objects.rowsOf(SOME)).hasSize(21);
            assertThat(objects.objectsOf(SOME)).hasSize(2);

            ItemOutcome replay = runner.run(crashed.item(), StopSignal.NEVER);
            assertThat(replay.status()).isEqualTo(ItemOutcome.Status.DONE);
            assertThat(objects.rowsOf(SOME)).hasSize(50);
            assertThat(distinctIds(SOME)).isEqualTo(50);
            assertThat(objects.rowsOf(SUB)).hasSize(100);
            assertThat(distinctIds(SUB)).isEqualTo(100);
        }
    }

    @Test
    void aContinuationDeliveredTwiceWritesTheSameObjects() {
        SyncHarness h = harness(objects);
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 50, page_size: 7", "append", 10))) {
            ItemRunner runner = f.runner(Optional.empty());
            WorkItem next = runner.run(f.item(SOME), afterPages(2)).continuation().orElseThrow();
            runner.run(next, StopSignal.NEVER);
            int sealedOnce = objects.objectsOf(SOME).size();
            assertThat(objects.objectsOf(SOME).values()).filteredOn(o -> o.name().first()).hasSize(1);
            runner.run(next, StopSignal.NEVER);
            assertThat(objects.objectsOf(SOME)).hasSize(sealedOnce);
            assertThat(objects.rowsOf(SOME)).hasSize(50);
            assertThat(distinctIds(SOME)).isEqualTo(50);
        }
    }

    @Test
    void aFailingPageAbortsNothingSealedAndLeavesNoObjectOpen() {
        SyncHarness h = harness(objects);
        String spec = "num_rows: 50, page_size: 7, fail_table: test_some_table, fail_on_page: 5";
        try (ItemFixture f = new ItemFixture(h, config(spec, "append", 100))) {
            ItemOutcome failed = f.runner(Optional.empty()).run(f.item(SOME), StopSignal.NEVER);
            assertThat(failed.status()).isEqualTo(ItemOutcome.Status.FAILED);
            assertThat(objects.openObjects()).isZero();
            // the complete pages before the failure are sealed (as rows would be flushed), once
            assertThat(objects.rowsOf(SOME)).hasSize(28);
            assertThat(distinctIds(SOME)).isEqualTo(28);
        }
    }

    @Test
    void anObjectThatCannotBeSealedIsAbortedAndItsCursorDoesNotMove() {
        SyncHarness h = harness(new FailingSeal(objects));
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 20, page_size: 5", "append", 1000))) {
            MapStateStore cursors = new MapStateStore();
            ItemOutcome failed = f.runner(Optional.of(cursors)).run(f.item(INC), StopSignal.NEVER);
            assertThat(failed.status()).isEqualTo(ItemOutcome.Status.FAILED);
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("injected seal failure"));
            assertThat(cursors.entries).isEmpty();
            assertThat(objects.rowsOf(INC)).isEmpty();
            assertThat(objects.openObjects()).isZero();
            assertThat(objects.aborted.get()).isEqualTo(1);
        }
    }

    @Test
    void anIncrementalCursorCommitsOnlyOverSealedObjects() {
        SyncHarness h = harness(objects);
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 20, page_size: 5", "append", 1000))) {
            MapStateStore cursors = new MapStateStore() {
                @Override
                public synchronized boolean compareAndSet(String key, java.util.OptionalLong expected, String value) {
                    assertThat(objects.openObjects()).as("objects open while the cursor commits").isZero();
                    return super.compareAndSet(key, expected, value);
                }
            };
            ItemOutcome done = f.runner(Optional.of(cursors)).run(f.item(INC), afterPages(2));
            assertThat(done.status()).isEqualTo(ItemOutcome.Status.CONTINUED);
            assertThat(cursors.entries).hasSize(1);
            assertThat(objects.rowsOf(INC)).hasSize(10);
        }
    }

    @Test
    void aTableReadWithoutRowsGetsAnEmptyObjectWhenTheDestinationWritesThem() {
        SyncHarness h = harness(objects);
        try (ItemFixture f = new ItemFixture(h, config("num_rows: 0", "append", 10))) {
            f.runner(Optional.empty()).run(f.item(SOME), StopSignal.NEVER);
            assertThat(objects.objectsOf(SOME)).hasSize(1);
            assertThat(objects.objectsOf(SUB)).hasSize(1);
            assertThat(objects.rowsOf(SOME)).isEmpty();
        }
    }

    @Test
    void aDestinationOfObjectsAcceptsOnlyAppend() {
        SyncHarness h = harness(objects);
        for (String mode : List.of("overwrite", "overwrite-delete-stale")) {
            assertThatThrownBy(() -> h.sync(config("num_rows: 5", mode, 10)))
                    .isInstanceOf(ConfigError.class)
                    .hasMessageContaining("spec.write_mode")
                    .hasMessageContaining("write_mode is " + mode)
                    .hasMessageContaining("set write_mode: append");
        }
        assertThat(objects.begun.get()).isZero();
    }

    @Test
    void aWholeSyncWritesEveryRowOnceAndItsSummaryAsAnObject() {
        SyncHarness h = harness(objects);
        String yaml = config("num_rows: 30, page_size: 4", "append", 10).replace("write_mode: append",
                "write_mode: append\n  send_sync_summary: true");
        SyncReport report = h.sync(yaml);
        assertThat(report.succeeded()).isTrue();
        assertThat(objects.rowsOf(SOME)).hasSize(30);
        assertThat(distinctIds(SOME)).isEqualTo(30);
        assertThat(objects.rowsOf(SUB)).hasSize(60);
        assertThat(objects.rowsOf("cloudquery_sync_summaries")).hasSize(1);
        assertThat(objects.openObjects()).isZero();
    }

    /** Objects whose seal fails. */
    private record FailingSeal(MemoryObjects inner) implements ObjectWriter {
        @Override
        public OpenObject begin(TableSchema table, ObjectName name) {
            OpenObject o = inner.begin(table, name);
            return new OpenObject() {
                @Override
                public void append(List<Object[]> rows) {
                    o.append(rows);
                }

                @Override
                public void seal() {
                    o.abort();
                    throw new ConnectorException("injected seal failure");
                }

                @Override
                public void abort() {
                    o.abort();
                }
            };
        }
    }
}
