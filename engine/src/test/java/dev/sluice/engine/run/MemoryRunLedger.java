package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link RunLedger} in memory, for tests: every method is atomic (one lock), with the
 * exact semantics the DynamoDB ledger has. A claim is held by its claimant until
 * {@code holdUntil}; the ender of an item keeps it; an item's end is counted, with its rows,
 * in a set of ended keys, so counting twice counts once; deadlines only move later.
 */
public final class MemoryRunLedger implements RunLedger {
    private final Map<String, RunEntry> runs = new HashMap<>();
    private final Map<String, String> leases = new HashMap<>();
    private final Map<String, Instant> leaseHold = new HashMap<>();
    private volatile boolean failStartAfterLease;

    /** For tests: {@link #start} dies after taking the lease, before writing anything else. */
    public void failStartAfterLease(boolean fail) {
        failStartAfterLease = fail;
    }

    @Override
    public synchronized Optional<String> active(String source, Instant now) {
        String holder = leases.get(source);
        if (holder == null) {
            return Optional.empty();
        }
        RunEntry run = runs.get(holder);
        boolean active = run == null ? leaseHold.get(source).isAfter(now)
                : !run.record.state().ended() && run.record.deadline().isAfter(now);
        return active ? Optional.of(holder) : Optional.empty();
    }

    @Override
    public synchronized void extend(String runId, Instant until) {
        RunEntry run = runs.get(runId);
        if (run != null) {
            run.record = LedgerChecks.withProgress(run.record, 0, LedgerChecks.later(run.record.deadline(), until), run.ended.size());
        }
    }

    private static final class RunEntry {
        RunRecord record;
        final Set<String> ended = new HashSet<>();
        final Map<String, ItemEntry> items = new LinkedHashMap<>();
        String finalizer;
        Instant finalizeUntil = Instant.MIN;

        RunEntry(RunRecord record) {
            this.record = record;
        }
    }

    private static final class ItemEntry {
        ItemRecord record;
        String holder;
        Instant holdUntil = Instant.MIN;

        ItemEntry(ItemRecord record) {
            this.record = record;
        }

        boolean heldBy(String claimant, Instant now) {
            return holder != null && !holder.equals(claimant) && holdUntil.isAfter(now);
        }
    }

    @Override
    public synchronized StartResult start(RunRecord run, List<WorkItem> items) {
        LedgerChecks.checkStart(run, items);
        String source = run.run().sourceName();
        Optional<String> holder = active(source, run.startedAt());
        if (holder.isPresent() && !holder.get().equals(run.id())) {
            return StartResult.refused(holder.get());
        }
        leases.put(source, run.id());
        leaseHold.put(source, run.deadline());
        if (failStartAfterLease) {
            throw new IllegalStateException("injected: the start died after taking the lease");
        }
        if (!runs.containsKey(run.id())) {
            RunEntry entry = new RunEntry(run);
            items.forEach(i -> entry.items.put(i.key(), new ItemEntry(ItemRecord.planned(i))));
            runs.put(run.id(), entry);
        }
        return StartResult.ok();
    }

    @Override
    public synchronized Claim claim(WorkItem message, String claimant, Instant now, Instant holdUntil) {
        RunEntry run = runs.get(message.runId());
        ItemEntry item = run == null ? null : run.items.get(message.key());
        if (item == null || run.record.state().ended()) {
            return Claim.of(Claim.Verdict.UNKNOWN);
        }
        WorkItem current = item.record.current();
        if (item.record.state().ended()) {
            return Claim.of(message.sequence() == current.sequence() ? Claim.Verdict.ENDED : Claim.Verdict.STALE);
        }
        if (message.sequence() < current.sequence()) {
            boolean free = !item.holdUntil.isAfter(now);
            return new Claim(Claim.Verdict.STALE, free ? Optional.of(current) : Optional.empty());
        }
        if (message.sequence() > current.sequence()) {
            return Claim.of(Claim.Verdict.UNKNOWN);
        }
        if (item.heldBy(claimant, now)) {
            return Claim.busyUntil(item.holdUntil);
        }
        item.holder = claimant;
        item.holdUntil = holdUntil;
        return Claim.of(Claim.Verdict.ACCEPTED);
    }

    @Override
    public synchronized void release(WorkItem message, String claimant) {
        ItemEntry item = held(message, claimant);
        if (item != null) {
            item.holder = null;
            item.holdUntil = Instant.MIN;
        }
    }

    @Override
    public synchronized boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant deadline) {
        LedgerChecks.checkAdvance(from, next);
        ItemEntry item = held(from, claimant);
        if (item == null) {
            return false;
        }
        ItemRecord r = item.record;
        item.record = LedgerChecks.add(new ItemRecord(next, r.state(), r.rows(), r.pages(), r.error(), r.busy()), progress);
        item.holder = null;
        item.holdUntil = deadline;
        RunEntry run = runs.get(from.runId());
        run.record = LedgerChecks.withProgress(run.record, 0, LedgerChecks.later(run.record.deadline(), deadline), run.ended.size());
        return true;
    }

    @Override
    public synchronized boolean end(WorkItem message, String claimant, ItemState state, Progress progress,
                                    Optional<String> error) {
        LedgerChecks.checkEnd(state, error);
        RunEntry run = runs.get(message.runId());
        ItemEntry item = run == null ? null : run.items.get(message.key());
        if (item == null || !claimant.equals(item.holder) || item.record.current().sequence() != message.sequence()) {
            return false;
        }
        if (!item.record.state().ended()) {
            ItemRecord r = item.record;
            item.record = LedgerChecks.add(new ItemRecord(r.current(), state,
                    r.rows(), r.pages(), state == ItemState.DONE ? Optional.empty() : error, r.busy()), progress);
        }
        return true;
    }

    @Override
    public synchronized boolean count(WorkItem message, Instant deadline) {
        RunEntry run = runs.get(message.runId());
        ItemEntry item = run == null ? null : run.items.get(message.key());
        if (item == null || !item.record.state().ended()) {
            return false;
        }
        count(run, message.key(), item.record);
        run.record = LedgerChecks.withProgress(run.record, 0, LedgerChecks.later(run.record.deadline(), deadline), run.ended.size());
        return run.ended.size() >= run.record.itemsTotal();
    }

    @Override
    public synchronized void abandonPending(String runId, String reason) {
        RunEntry run = runs.get(runId);
        if (run == null) {
            return;
        }
        for (Map.Entry<String, ItemEntry> e : run.items.entrySet()) {
            ItemEntry item = e.getValue();
            if (!item.record.state().ended()) {
                ItemRecord r = item.record;
                item.record = new ItemRecord(r.current(), ItemState.FAILED, r.rows(), r.pages(), Optional.of(reason), r.busy());
                item.holder = null;
                item.holdUntil = Instant.MIN;
            }
            count(run, e.getKey(), item.record);
        }
    }

    @Override
    public synchronized Optional<RunRecord> beginFinalize(String runId, String claimant, Instant now, Instant holdUntil) {
        RunEntry run = runs.get(runId);
        if (run == null || run.record.state().ended()) {
            return Optional.empty();
        }
        if (run.record.state() == RunState.FINALIZING && !claimant.equals(run.finalizer) && run.finalizeUntil.isAfter(now)) {
            return Optional.empty();
        }
        run.finalizer = claimant;
        run.finalizeUntil = holdUntil;
        run.record = LedgerChecks.withState(run.record, RunState.FINALIZING, Optional.empty(), Optional.empty());
        return Optional.of(run.record);
    }

    @Override
    public synchronized boolean complete(String runId, RunState state, String summaryJson, Instant now) {
        LedgerChecks.checkComplete(state, summaryJson);
        RunEntry run = runs.get(runId);
        if (run == null || run.record.state().ended()) {
            return false;
        }
        run.record = LedgerChecks.withState(run.record, state, Optional.of(now), Optional.of(summaryJson));
        leases.remove(run.record.run().sourceName(), runId);
        return true;
    }

    @Override
    public synchronized Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(r -> r.record);
    }

    @Override
    public synchronized List<ItemRecord> items(String runId) {
        RunEntry run = runs.get(runId);
        return run == null ? List.of() : run.items.values().stream().map(i -> i.record).toList();
    }

    @Override
    public synchronized List<RunRecord> recent(int limit) {
        return runs.values().stream().map(r -> r.record).sorted(LedgerChecks.NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized List<RunRecord> overdue(Instant now) {
        List<RunRecord> out = new ArrayList<>();
        for (RunEntry r : runs.values()) {
            if (!r.record.state().ended() && r.record.deadline().isBefore(now)) {
                out.add(r.record);
            }
        }
        out.sort(Comparator.comparing(RunRecord::startedAt));
        return out;
    }

    /** The item when {@code claimant} holds {@code message} (pending, same sequence), else null. */
    private ItemEntry held(WorkItem message, String claimant) {
        RunEntry run = runs.get(message.runId());
        ItemEntry item = run == null ? null : run.items.get(message.key());
        if (item == null || item.record.state().ended() || !Objects.equals(item.holder, claimant)
                || item.record.current().sequence() != message.sequence()) {
            return null;
        }
        return item;
    }

    /** Counts the item's end, with its rows, once. */
    private static void count(RunEntry run, String key, ItemRecord item) {
        if (run.ended.add(key)) {
            long rows = item.rows().values().stream().mapToLong(Long::longValue).sum();
            run.record = LedgerChecks.withProgress(run.record, rows, run.record.deadline(), run.ended.size());
        }
    }
}
