package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.Claim;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.Progress;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.run.StartResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The {@link RunLedger} in DynamoDB, built on single-item conditional writes only (no
 * transactions, so it runs on dynalite too). A claim, continuation or end is conditional on
 * the item's (state, sequence, holder); ends are counted in small groups ({@link EndCounter}),
 * so the run item stays a few hundred bytes however many items the run has. The run's
 * deadline only moves later ({@link RunWrites}). Item writes: {@link ItemWrites}; the lease:
 * {@link SourceLease}; reads: {@link LedgerReads}. Ended runs, and all items, get
 * {@code expires_at} (TTL) after the retention.
 */
public final class DynamoRunLedger implements RunLedger {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient db;
    private final String table;
    private final LedgerReads reads;
    private final SourceLease lease;
    private final ItemWrites writes;
    private final RunWrites runWrites;
    private final EndCounter counter;
    private final Duration retention;
    private final Clock clock;

    public DynamoRunLedger(DynamoDbClient db, String table, Duration retention, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reads = new LedgerReads(db, table);
        this.lease = new SourceLease(db, table);
        this.writes = new ItemWrites(db, table, reads, this::expiresAt);
        this.runWrites = new RunWrites(db, table, this::expiresAt);
        this.counter = new EndCounter(db, table, reads);
    }

    public DynamoRunLedger(DynamoDbClient db, String table) {
        this(db, table, DEFAULT_RETENTION, Clock.systemUTC());
    }

    @Override
    public StartResult start(RunRecord run, List<WorkItem> items) {
        if (run.itemsTotal() != items.size()) {
            throw new IllegalArgumentException("run " + run.id() + " has " + run.itemsTotal() + " items total but "
                    + items.size() + " work items were given");
        }
        Optional<String> active = lease.take(run, reads::run);
        if (active.isPresent()) {
            return StartResult.refused(active.get());
        }
        if (reads.runItem(run.id()).isPresent()) {
            return StartResult.ok();
        }
        writes.putPlanned(items);
        Map<String, AttributeValue> record = new HashMap<>(LedgerCodec.encodeRun(run));
        record.put(LedgerCodec.GROUP_SIZE, n(EndCounter.DEFAULT_GROUP_SIZE));
        Expr e = new Expr();
        String absent = "attribute_not_exists(" + e.n(AwsResources.PK) + ")";
        try {
            db.putItem(b -> b.tableName(table).item(record).conditionExpression(absent).expressionAttributeNames(e.names()));
        } catch (ConditionalCheckFailedException recorded) {
            // a retry of this start: the run and its items are there
        }
        return StartResult.ok();
    }

    @Override
    public Optional<String> active(String source, Instant now) {
        return lease.active(source, reads::run, now);
    }

    @Override
    public Claim claim(WorkItem message, String claimant, Instant now, Instant holdUntil) {
        Optional<RunRecord> run = reads.run(message.runId());
        if (run.isEmpty() || run.get().state().ended()) {
            return Claim.of(Claim.Verdict.UNKNOWN);
        }
        Expr e = new Expr();
        String set = "SET " + e.n(LedgerCodec.HOLDER) + " = " + e.v(s(claimant)) + ", "
                + e.n(LedgerCodec.HOLD_UNTIL) + " = " + e.v(Attrs.time(holdUntil));
        String cond = ItemWrites.awaits(e, message) + " AND (attribute_not_exists(" + e.n(LedgerCodec.HOLDER) + ") OR "
                + e.eq(LedgerCodec.HOLDER, s(claimant)) + " OR " + e.n(LedgerCodec.HOLD_UNTIL) + " <= " + e.v(Attrs.time(now)) + ")";
        try {
            db.updateItem(b -> b.tableName(table).key(LedgerCodec.itemKey(message.runId(), message.key()))
                    .updateExpression(set).conditionExpression(cond)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.of(Claim.Verdict.ACCEPTED);
        } catch (ConditionalCheckFailedException lost) {
            Optional<Map<String, AttributeValue>> old = lost.hasItem() && !lost.item().isEmpty() ? Optional.of(lost.item())
                    : reads.item(message.runId(), message.key());
            return old.map(item -> why(message, item, now)).orElse(Claim.of(Claim.Verdict.UNKNOWN));
        }
    }

    /** Why a claim was refused, from the item as it was. */
    private static Claim why(WorkItem message, Map<String, AttributeValue> item, Instant now) {
        ItemRecord r = LedgerCodec.decodeItem(item);
        long awaited = r.current().sequence();
        if (r.state().ended()) {
            return Claim.of(message.sequence() == awaited ? Claim.Verdict.ENDED : Claim.Verdict.STALE);
        }
        Instant holdUntil = Attrs.instant(item, LedgerCodec.HOLD_UNTIL).orElse(Instant.MIN);
        if (message.sequence() < awaited) {
            boolean free = !holdUntil.isAfter(now);
            return new Claim(Claim.Verdict.STALE, free ? Optional.of(r.current()) : Optional.empty());
        }
        return message.sequence() > awaited ? Claim.of(Claim.Verdict.UNKNOWN) : Claim.busyUntil(holdUntil);
    }

    @Override
    public void release(WorkItem message, String claimant) {
        writes.release(message, claimant);
    }

    @Override
    public void extend(String runId, Instant until) {
        runWrites.extend(runId, until);
    }

    @Override
    public boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant deadline) {
        if (!from.runId().equals(next.runId()) || !from.key().equals(next.key()) || next.sequence() != from.sequence() + 1) {
            throw new IllegalArgumentException("message " + next.sequence() + " of " + next.key()
                    + " does not continue message " + from.sequence() + " of " + from.key());
        }
        if (!writes.advance(from, next, claimant, progress, deadline)) {
            return false;
        }
        runWrites.extend(from.runId(), deadline);
        return true;
    }

    @Override
    public boolean end(WorkItem item, String claimant, ItemState state, Progress progress, Optional<String> error) {
        if (!state.ended()) {
            throw new IllegalArgumentException("an item ends DONE or FAILED, not " + state);
        }
        Objects.requireNonNull(error, "error");
        return writes.end(item, claimant, state, progress, error);
    }

    @Override
    public boolean count(WorkItem item, Instant deadline) {
        Optional<Map<String, AttributeValue>> run = reads.runItem(item.runId());
        Optional<Map<String, AttributeValue>> stored = reads.item(item.runId(), item.key());
        if (run.isEmpty() || stored.isEmpty() || !ItemState.valueOf(Attrs.required(stored.get(), LedgerCodec.STATE)).ended()) {
            return false;
        }
        boolean complete = counter.count(run.get(), stored.get());
        if (Attrs.instant(run.get(), LedgerCodec.DEADLINE).orElse(Instant.MIN).isBefore(deadline)) {
            runWrites.extend(item.runId(), deadline); // usually not: the claim moved it further
        }
        return complete;
    }

    @Override
    public void abandonPending(String runId, String reason) {
        Optional<Map<String, AttributeValue>> run = reads.runItem(runId);
        if (run.isEmpty()) {
            return;
        }
        for (Map<String, AttributeValue> item : reads.itemMaps(runId)) {
            if (ItemState.valueOf(Attrs.required(item, LedgerCodec.STATE)) == ItemState.PENDING) {
                writes.abandon(LedgerCodec.decodeItem(item).current(), reason);
            }
        }
        Map<Long, Set<String>> groups = counter.groups(runId);
        long size = EndCounter.groupSize(run.get());
        for (Map<String, AttributeValue> item : reads.itemMaps(runId)) {
            ItemRecord r = LedgerCodec.decodeItem(item);
            boolean counted = groups.getOrDefault(Attrs.number(item, LedgerCodec.ORDINAL) / size, Set.of())
                    .contains(r.current().key());
            if (r.state().ended() && !counted) {
                counter.count(run.get(), item);
            }
        }
    }

    @Override
    public Optional<RunRecord> beginFinalize(String runId, String claimant, Instant now, Instant holdUntil) {
        return runWrites.beginFinalize(runId, claimant, now, holdUntil);
    }

    @Override
    public boolean complete(String runId, RunState state, String summaryJson, Instant now) {
        if (!state.ended()) {
            throw new IllegalArgumentException("a run completes SUCCEEDED, PARTIAL or FAILED, not " + state);
        }
        Objects.requireNonNull(summaryJson, "summaryJson");
        Optional<Map<String, AttributeValue>> ended = runWrites.complete(runId, state, summaryJson, now);
        ended.ifPresent(r -> lease.release(Attrs.required(r, LedgerCodec.SOURCE), runId));
        return ended.isPresent();
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return reads.run(runId);
    }

    @Override
    public List<ItemRecord> items(String runId) {
        return reads.items(runId);
    }

    @Override
    public List<RunRecord> recent(int limit) {
        return reads.recent(limit);
    }

    @Override
    public List<RunRecord> overdue(Instant now) {
        return reads.overdue(now);
    }

    /** The TTL of what ends now: epoch seconds after the retention. */
    private AttributeValue expiresAt() {
        return n(clock.instant().plus(retention).getEpochSecond());
    }
}
