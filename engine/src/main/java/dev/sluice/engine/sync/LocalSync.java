package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.ItemRunner;
import dev.sluice.engine.fetch.SourceRun;
import dev.sluice.engine.fetch.StopSignal;
import dev.sluice.engine.lease.Fence;
import dev.sluice.engine.lease.LeaseHeldException;
import dev.sluice.engine.lease.Leases;
import dev.sluice.engine.lease.SourceLease;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code sluice sync} on one machine: selects tables (every config error surfaces here,
 * before anything is written), opens destinations, takes each source's lease (one active run
 * per source), migrates, then runs each source: plan work items, run them on a bounded worker
 * pool, finalize (delete stale, report, summaries), release the leases.
 */
public final class LocalSync {
    private static final System.Logger LOG = System.getLogger(LocalSync.class.getName());

    private final PreparedSync prepared;
    private final SyncOptions options;

    public LocalSync(PreparedSync prepared, SyncOptions options) {
        this.prepared = prepared;
        this.options = options;
    }

    /**
     * @throws LeaseHeldException when another run holds a source's lease (nothing was migrated or written)
     */
    public SyncReport run() {
        List<SelectedSource> selected = prepared.selectTables();
        prepared.openDestinations();
        Map<String, List<DestinationTarget>> targets = targets(selected);
        Map<String, String> runIds = runIds(selected);
        List<SourceReport> reports = new ArrayList<>();
        try (CursorStores cursors = new CursorStores(options.stateDirectory(), prepared.registry());
             Leases leases = takeLeases(selected, runIds, cursors)) {
            MigrationResult migration = options.noMigrate() ? new MigrationResult(0, Map.of())
                    : Migrations.migrateEach(prepared, selected, targets, options.retry());
            for (SelectedSource s : selected) {
                String name = s.prepared().name();
                // the sync time is fixed once the lease is held: later than every row of the runs before
                Run run = new Run(runIds.get(name), name, options.clock().instant());
                SourceReport report = runSource(s, run, leases.of(name), targets.get(name), cursors,
                        migration.refused());
                reports.add(report);
                sendSummaries(s, report);
            }
        }
        return new SyncReport(reports);
    }

    /** {@code sluice migrate}: selects tables and migrates the destinations, under the sources' leases; returns how many tables. */
    public int migrateOnly() {
        List<SelectedSource> selected = prepared.selectTables();
        prepared.openDestinations();
        try (CursorStores cursors = new CursorStores(options.stateDirectory(), prepared.registry());
             Leases ignored = takeLeases(selected, runIds(selected), cursors)) {
            MigrationResult result = Migrations.migrateEach(prepared, selected, targets(selected), options.retry());
            if (!result.refused().isEmpty()) {
                throw new ConnectorException(String.join("\n", result.refused().values()) + "\n(" + result.migrated()
                        + " other table(s) migrated)");
            }
            return result.migrated();
        }
    }

    private static Map<String, String> runIds(List<SelectedSource> selected) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (SelectedSource s : selected) {
            ids.put(s.prepared().name(), UUID.randomUUID().toString());
        }
        return ids;
    }

    /** One active run per source: every source's lease, in its state store, before anything is migrated. */
    private Leases takeLeases(List<SelectedSource> selected, Map<String, String> runIds, CursorStores cursors) {
        List<Leases.Request> requests = new ArrayList<>();
        for (SelectedSource s : selected) {
            String name = s.prepared().name();
            requests.add(new Leases.Request(name, cursors.forSource(s.prepared()), runIds.get(name)));
        }
        return options.retry().call("lease of " + String.join(", ", runIds.keySet()),
                () -> Leases.take(requests, options.lease()));
    }

    private static Map<String, List<DestinationTarget>> targets(List<SelectedSource> selected) {
        return Targets.bySource(selected);
    }

    private SourceReport runSource(SelectedSource s, Run run, SourceLease lease, List<DestinationTarget> targets,
                                   CursorStores cursors, Map<String, String> refusedMigrations) {
        long started = System.nanoTime();
        PreparedSource p = s.prepared();
        Map<String, Table> tables = s.tables().stream().collect(Collectors.toMap(Table::name, Function.identity()));
        // every write of this run, rows, delete-stale and cursors, first checks that it still holds the lease
        Fence fence = new Fence(lease);
        targets = targets.stream().map(t -> new DestinationTarget(t.name(), fence.guard(t.destination()), t.writeMode(),
                t.limits(), t.schemas())).toList();
        SourceRun ctx = new SourceRun(run, p.source(), tables, p.spec().deterministicCqId(), targets,
                cursors.forSource(s).map(fence::guard), options.retry(), n -> options.progress().rowsFetched(p.name(), n));
        List<WorkItem> items = Planner.plan(run, p.source(), s.tables());
        int tableCount = s.tables().stream().mapToInt(t -> t.flatten().size()).sum();
        LOG.log(System.Logger.Level.INFO, "source {0}: run {1}, {2} tables, {3} work items, {4} at a time",
                p.name(), run.id(), tableCount, items.size(), p.concurrency());
        options.progress().runStarted(p.name(), tableCount,
                options.progress() == ProgressListener.NONE ? OptionalLong.empty() : RowEstimates.of(p.source(), s.tables()));
        List<ItemOutcome> refused = RefusedTables.outcomes(s.tables(), items, refusedMigrations);
        List<WorkItem> runnable = items.stream().filter(i -> refused.stream().noneMatch(o -> o.item().equals(i))).toList();
        refused.forEach(o -> options.progress().tableDone(p.name(), o.item().table(),
                tables.get(o.item().table()).flatten().size(), true));
        List<ItemOutcome> outcomes = new ArrayList<>(runItems(p, tables, new ItemRunner(ctx), runnable, lease));
        outcomes.addAll(refused);
        if (!lease.confirm()) {
            outcomes = LostLease.failAll(outcomes, lease);
        }
        SourceReport report = Finalizer.finish(run, p.spec().path(), p.source(), s.tables(), targets, outcomes,
                Duration.ofNanos(System.nanoTime() - started), options.retry());
        LOG.log(System.Logger.Level.INFO, "source {0}: {1}, {2} rows, {3} errors", p.name(), report.status(), report.rows(), report.errors());
        return report;
    }

    /**
     * Runs items on a pool of {@code concurrency} threads, continuations included, until all
     * ended. An item stops after its current page once the lease is no longer held, and fails.
     */
    private List<ItemOutcome> runItems(PreparedSource p, Map<String, Table> tables, ItemRunner runner, List<WorkItem> items,
                                       SourceLease lease) {
        StopSignal stop = () -> !lease.held();
        ExecutorService pool = Executors.newFixedThreadPool(p.concurrency(), namedThreads(p.name()));
        try {
            ExecutorCompletionService<ItemOutcome> done = new ExecutorCompletionService<>(pool);
            Map<String, Integer> openPerTable = new HashMap<>();
            for (WorkItem item : items) {
                openPerTable.merge(item.table(), 1, Integer::sum);
                done.submit(() -> runner.run(item, stop));
            }
            List<ItemOutcome> outcomes = new ArrayList<>();
            Map<String, Boolean> failed = new HashMap<>();
            Map<String, Integer> tableSizes = new HashMap<>();
            tables.forEach((name, t) -> tableSizes.put(name, t.flatten().size()));
            int pending = items.size();
            while (pending > 0) {
                ItemOutcome o = take(done);
                pending--;
                if (o.continuation().isPresent() && !lease.held()) {
                    o = LostLease.fail(o, lease);
                }
                outcomes.add(o);
                if (o.continuation().isPresent()) {
                    WorkItem next = o.continuation().get();
                    done.submit(() -> runner.run(next, stop));
                    pending++;
                    continue;
                }
                String table = o.item().table();
                failed.merge(table, o.status() == ItemOutcome.Status.FAILED, Boolean::logicalOr);
                if (openPerTable.merge(table, -1, Integer::sum) == 0) {
                    options.progress().tableDone(p.name(), table, tableSizes.getOrDefault(table, 1), failed.get(table));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ItemOutcome take(ExecutorCompletionService<ItemOutcome> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while syncing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a work item crashed: " + e.getCause(), e.getCause());
        }
    }

    private void sendSummaries(SelectedSource s, SourceReport report) {
        for (PreparedDestination d : s.prepared().destinations()) {
            if (d.spec().sendSyncSummary()) {
                try {
                    options.retry().run("summary of " + d.name(), () -> SyncSummaries.write(s.prepared().spec(), report, d));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "could not write the sync summary to {0}: {1}", d.name(), e.getMessage());
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String source) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sluice-" + source + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
