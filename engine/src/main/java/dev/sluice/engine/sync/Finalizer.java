package dev.sluice.engine.sync;

import dev.sluice.engine.config.WriteMode;
import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.plan.Run;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ends a run once every work item has ended: deletes stale rows (a barrier, once per run) and
 * builds the report. Stale rows are deleted only for full tables whose every item succeeded,
 * in destinations with write_mode overwrite-delete-stale; a failed table keeps its old rows
 * and an incremental table is never delete-staled, and the report says so. A table without
 * any outcome (its items were never recorded) or with an item that did not finish counts as
 * failed: nothing done is never a success.
 */
public final class Finalizer {
    private static final System.Logger LOG = System.getLogger(Finalizer.class.getName());

    private Finalizer() {
    }

    public static SourceReport finish(Run run, String sourcePath, List<Table> tables, List<DestinationTarget> targets,
                                      List<ItemOutcome> outcomes, Duration elapsed, Retry retry) {
        List<TableReport> reports = new ArrayList<>();
        long failedTables = 0;
        for (Table top : tables) {
            List<ItemOutcome> mine = outcomes.stream().filter(o -> o.item().table().equals(top.name())).toList();
            List<String> errors = mine.isEmpty() ? List.of("no work item of table " + top.name() + " has an outcome")
                    : mine.stream().filter(o -> o.status() != ItemOutcome.Status.DONE)
                    .map(o -> o.error().orElse("the item never finished")).toList();
            long partitions = mine.stream().map(o -> o.item().partition()).distinct().count();
            long finished = mine.stream().filter(o -> o.status() == ItemOutcome.Status.DONE).count();
            boolean complete = errors.isEmpty() && partitions > 0 && finished == partitions;
            Duration duration = mine.stream().map(ItemOutcome::duration).reduce(Duration.ZERO, Duration::plus);
            for (Table t : top.flatten()) {
                long rows = mine.stream().mapToLong(o -> o.rows().getOrDefault(t.name(), 0L)).sum();
                Map<String, Long> perDestination = DestinationCounts.rows(mine, t.name());
                Map<String, Long> stale = new LinkedHashMap<>();
                Optional<String> error = errors.stream().findFirst();
                long deleted = 0;
                Optional<String> note = Optional.empty();
                if (t.incremental()) {
                    note = Optional.of("incremental table: rows are never deleted as stale");
                } else if (!complete) {
                    note = Optional.of("old rows kept: table " + top.name() + " did not sync completely");
                } else {
                    try {
                        deleted = deleteStale(run, t, targets, retry, stale);
                    } catch (RuntimeException e) {
                        error = Optional.of("delete-stale failed: " + e.getMessage());
                        errors = List.of(error.get());
                    }
                }
                reports.add(new TableReport(t.name(), rows, errors.size(), duration, error, deleted, note, perDestination, stale));
            }
            if (!errors.isEmpty()) {
                failedTables++;
            }
        }
        return new SourceReport(run, sourcePath, targets.stream().map(DestinationTarget::name).toList(), reports,
                RunStatus.of(failedTables, tables.size()), elapsed, Optional.of(DestinationCounts.deletingStale(targets)));
    }

    private static long deleteStale(Run run, Table t, List<DestinationTarget> targets, Retry retry, Map<String, Long> each) {
        long deleted = 0;
        for (DestinationTarget target : targets) {
            if (target.writeMode() != WriteMode.OVERWRITE_DELETE_STALE) {
                continue;
            }
            long n = retry.call("delete-stale of " + target.name() + "." + t.name(),
                    () -> target.destination().deleteStale(target.schema(t.name()), run.sourceName(), run.syncTime()));
            LOG.log(System.Logger.Level.DEBUG, "{0}.{1}: deleted {2} stale rows", target.name(), t.name(), n);
            deleted += n;
            each.put(target.name(), n);
        }
        return deleted;
    }
}
