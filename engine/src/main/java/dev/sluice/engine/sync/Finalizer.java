package dev.sluice.engine.sync;

import dev.sluice.engine.config.WriteMode;
import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.plan.Run;
import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ends a run once every work item has ended: deletes stale rows (a barrier, once per run) and
 * builds the report. Stale rows are deleted only for full tables whose every item succeeded,
 * in destinations with write_mode overwrite-delete-stale; a failed table keeps its old rows
 * and an incremental table is never delete-staled, and the report says so. Where the source
 * scopes rows by partition ({@link Source#partitionScope}), a failed table's stale rows are
 * deleted for each partition that succeeded, scoped to it, and the failed partitions keep
 * theirs. A table without any outcome (its items were never recorded) or with an item that did
 * not finish counts as failed: nothing done is never a success.
 */
public final class Finalizer {
    private static final System.Logger LOG = System.getLogger(Finalizer.class.getName());

    private Finalizer() {
    }

    public static SourceReport finish(Run run, String sourcePath, Source source, List<Table> tables,
                                      List<DestinationTarget> targets, List<ItemOutcome> outcomes, Duration elapsed,
                                      Retry retry) {
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
                    Map<String, Boolean> synced = partitionsSynced(mine);
                    List<String> good = synced.keySet().stream().filter(synced::get).toList();
                    List<String> bad = synced.keySet().stream().filter(k -> !synced.get(k)).toList();
                    if (!good.isEmpty() && hasDeletingTarget(targets)) {
                        try {
                            Optional<List<Map<String, Object>>> scopes = scopes(source, t, good);
                            if (scopes.isPresent()) {
                                deleted = deleteStale(run, t, targets, retry, stale, scopes.get());
                                note = Optional.of(bad.isEmpty() ? deleted + " stale rows deleted for the " + good.size()
                                        + " partitions of table " + top.name() + " that synced"
                                        : "old rows kept for failed partition" + (bad.size() == 1 ? " " : "s ") + names(bad)
                                        + " of table " + top.name() + "; " + deleted + " stale rows deleted for the other "
                                        + good.size());
                            }
                        } catch (RuntimeException e) {
                            deleted = stale.values().stream().mapToLong(Long::longValue).sum();
                            note = Optional.of(note.get() + "; delete-stale of the " + good.size()
                                    + " partitions that synced failed: " + e.getMessage());
                        }
                    }
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

    /** Delete-stale of {@code t} once per scope (a partition that synced), in every destination that deletes stale rows. */
    private static long deleteStale(Run run, Table t, List<DestinationTarget> targets, Retry retry, Map<String, Long> each,
                                    List<Map<String, Object>> scopes) {
        long deleted = 0;
        for (DestinationTarget target : targets) {
            if (target.writeMode() != WriteMode.OVERWRITE_DELETE_STALE) {
                continue;
            }
            for (Map<String, Object> scope : scopes) {
                long n = retry.call("delete-stale of " + target.name() + "." + t.name() + " where " + scope,
                        () -> target.destination().deleteStale(target.schema(t.name()), run.sourceName(), run.syncTime(), scope));
                LOG.log(System.Logger.Level.DEBUG, "{0}.{1}: deleted {2} stale rows where {3}", target.name(), t.name(), n, scope);
                deleted += n;
                each.merge(target.name(), n, Long::sum);
            }
        }
        return deleted;
    }

    /**
     * Per partition of a table (in the order first seen), whether it synced: it has outcomes, none
     * failed, and its last one (by sequence: continuations count up) is done.
     */
    static Map<String, Boolean> partitionsSynced(List<ItemOutcome> outcomes) {
        Map<String, List<ItemOutcome>> byPartition = new LinkedHashMap<>();
        outcomes.forEach(o -> byPartition.computeIfAbsent(o.item().partition(), k -> new ArrayList<>()).add(o));
        Map<String, Boolean> synced = new LinkedHashMap<>();
        byPartition.forEach((partition, mine) -> synced.put(partition,
                mine.stream().noneMatch(o -> o.status() == ItemOutcome.Status.FAILED)
                        && mine.stream().max(Comparator.comparingLong(o -> o.item().sequence()))
                        .map(o -> o.status() == ItemOutcome.Status.DONE).orElse(false)));
        return synced;
    }

    /** The scope of each partition, or empty when one of them does not scope rows. */
    private static Optional<List<Map<String, Object>>> scopes(Source source, Table t, List<String> partitions) {
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (String partition : partitions) {
            Optional<Map<String, Object>> scope = source.partitionScope(t, partition);
            if (scope.isEmpty() || scope.get().isEmpty()) {
                return Optional.empty();
            }
            scopes.add(scope.get());
        }
        return Optional.of(scopes);
    }

    private static boolean hasDeletingTarget(List<DestinationTarget> targets) {
        return targets.stream().anyMatch(t -> t.writeMode() == WriteMode.OVERWRITE_DELETE_STALE);
    }

    /** Up to three names, then how many more. */
    private static String names(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
