package dev.sluice.engine.sync;

import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.ItemRunner;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.fetch.SourceRun;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of the test source into SQLite, opened and migrated, whose work items a test runs
 * one by one with {@link ItemRunner}: to stop after a page, replay a page, or race a cursor.
 */
final class ItemFixture implements AutoCloseable {
    final PreparedSync prepared;
    final SelectedSource selected;
    final List<DestinationTarget> targets;
    final Run run;

    ItemFixture(SyncHarness h, String yaml) {
        Path file = h.dir.resolve("items.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepared = SyncSetup.prepare(new SpecLoader().load(List.of(file), Map.of()), h.registry);
        selected = prepared.selectTables().get(0);
        prepared.openDestinations();
        targets = Targets.of(selected);
        LocalSync sync = new LocalSync(prepared, SyncOptions.defaults());
        sync.migrateOnly();
        run = Run.start("test", Instant.now());
    }

    ItemRunner runner(Optional<StateStore> cursors) {
        Map<String, Table> tables = selected.tables().stream().collect(Collectors.toMap(Table::name, Function.identity()));
        return new ItemRunner(new SourceRun(run, selected.prepared().source(), tables, false, targets, cursors,
                Retry.standard(), n -> { }));
    }

    WorkItem item(String table) {
        return Planner.plan(run, selected.prepared().source(), selected.tables()).stream()
                .filter(i -> i.table().equals(table)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        prepared.close();
    }
}
