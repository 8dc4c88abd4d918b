package dev.sluice.engine.serverless;

import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.WorkQueue;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.engine.sync.Targets;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a Lambda container keeps between invocations: the validated config with its
 * connectors, opened once (sources, then destinations) on first use, and the ledger, queue
 * and cursor stores. Thread-safe for the handlers' single-threaded use and tests' concurrency.
 */
public final class ServerlessContext implements AutoCloseable {
    private final PreparedSync prepared;
    private final RunLedger ledger;
    private final WorkQueue queue;
    private final Function<String, StateStore> cursors;
    private final ServerlessSettings settings;
    private Map<String, SelectedSource> selected;
    private Map<String, List<DestinationTarget>> targets;

    /**
     * @param cursors the cursor store of a source, by source name
     */
    public ServerlessContext(PreparedSync prepared, RunLedger ledger, WorkQueue queue,
                             Function<String, StateStore> cursors, ServerlessSettings settings) {
        this.prepared = prepared;
        this.ledger = ledger;
        this.queue = queue;
        this.cursors = cursors;
        this.settings = settings;
    }

    /** Opens sources and destinations once; a config whose patterns match nothing fails here. */
    public synchronized void open() {
        if (selected != null) {
            return;
        }
        Map<String, SelectedSource> bySource = new LinkedHashMap<>();
        for (SelectedSource s : prepared.selectTables()) {
            bySource.put(s.prepared().name(), s);
        }
        prepared.openDestinations();
        targets = Targets.bySource(List.copyOf(bySource.values()));
        selected = bySource;
    }

    public synchronized Optional<SelectedSource> source(String name) {
        open();
        return Optional.ofNullable(selected.get(name));
    }

    public synchronized List<SelectedSource> sources() {
        open();
        return List.copyOf(selected.values());
    }

    public synchronized List<DestinationTarget> targets(String source) {
        open();
        return targets.get(source);
    }

    /** The selected source narrowed to {@code tables} (top-level names), in config order. */
    public static SelectedSource narrow(SelectedSource s, java.util.Collection<String> tables) {
        List<Table> kept = s.tables().stream().filter(t -> tables.contains(t.name())).toList();
        return new SelectedSource(s.prepared(), kept);
    }

    public PreparedSync prepared() {
        return prepared;
    }

    public RunLedger ledger() {
        return ledger;
    }

    public WorkQueue queue() {
        return queue;
    }

    public StateStore cursors(String source) {
        return cursors.apply(source);
    }

    public ServerlessSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        prepared.close();
        selected = null;
    }
}
