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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The {@link RunLedger} in DynamoDB, built on single-item conditional writes only (no
 * transactions, so it runs on dynalite too). A claim, continuation or end is conditional on
 * the item's (state, sequence, holder); an item's end is counted on the run record by
 * {@code ADD ended_items :key} under {@code NOT contains(ended_items, :key)}, so a retry after
 * a crash re-applies harmlessly and exactly one call sees the set complete. Work item writes
 * and end counting: {@link ItemWrites}; the lease: {@link SourceLease}; reads: {@link LedgerReads}.
 * Ended runs and items get {@code expires_at} (TTL) after the retention.
 */
public final class DynamoRunLedger implements RunLedger {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient db;
    private final String table;
    private final LedgerReads reads;
    private final SourceLease lease;
    private final ItemWrites writes;
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
        Expr e = new Expr();
        String absent = "attribute_not_exists(" + e.n(AwsResources.PK) + ")";
        try {
            db.putItem(b -> b.tableName(table).item(LedgerCodec.encodeRun(run)).conditionExpression(absent)
                    .expressionAttributeNames(e.names()));
        } catch (ConditionalCheckFailedException recorded) {
            return StartResult.ok();
        }
        writes.putPlanned(items);
        return StartResult.ok();
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
            return Claim.of(Claim.Verdict.STALE);
        }
        if (message.sequence() < awaited) {
            boolean free = LedgerCodec.holder(item).isEmpty()
                    || !Attrs.instant(item, LedgerCodec.HOLD_UNTIL).orElse(Instant.MIN).isAfter(now);
            return new Claim(Claim.Verdict.STALE, free ? Optional.of(r.current()) : Optional.empty());
        }
        return Claim.of(message.sequence() > awaited ? Claim.Verdict.UNKNOWN : Claim.Verdict.BUSY);
    }

    @Override
    public void release(WorkItem message, String claimant) {
        writes.release(message, claimant);
    }

    @Override
    public boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant deadline) {
        if (!from.runId().equals(next.runId()) || !from.key().equals(next.key()) || next.sequence() != from.sequence() + 1) {
            throw new IllegalArgumentException("message " + next.sequence() + " of " + next.key()
                    + " does not continue message " + from.sequence() + " of " + from.key());
        }
        if (!writes.advance(from, next, claimant, progress)) {
            return false;
        }
        Expr e = new Expr();
        String update = "SET " + e.n(LedgerCodec.DEADLINE) + " = " + e.v(Attrs.time(deadline))
                + " ADD " + e.n(LedgerCodec.ROWS) + " " + e.v(n(progress.totalRows()));
        String exists = "attribute_exists(" + e.n(AwsResources.PK) + ")";
        try {
            db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(from.runId())).updateExpression(update)
                    .conditionExpression(exists).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException gone) {
            return true;
        }
        lease.push(from.sourceName(), from.runId(), deadline);
        return true;
    }

    @Override
    public Optional<Boolean> end(WorkItem item, String claimant, ItemState state, Progress progress,
                                 Optional<String> error, Instant deadline) {
        if (!state.ended()) {
            throw new IllegalArgumentException("an item ends DONE or FAILED, not " + state);
        }
        Objects.requireNonNull(error, "error");
        if (!writes.end(item, claimant, state, progress, error)) {
            return Optional.empty();
        }
        boolean last = writes.count(item.runId(), item.key(), progress.totalRows(), Optional.of(deadline));
        lease.push(item.sourceName(), item.runId(), deadline);
        return Optional.of(last);
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
        List<String> counted = LedgerCodec.endedKeys(reads.runItem(runId).orElseThrow());
        for (ItemRecord i : reads.items(runId)) {
            if (i.state().ended() && !counted.contains(i.current().key())) {
                writes.count(runId, i.current().key(), 0, Optional.empty());
            }
        }
    }

    @Override
    public Optional<RunRecord> beginFinalize(String runId, String claimant, Instant now, Instant holdUntil) {
        Expr e = new Expr();
        String state = e.n(LedgerCodec.STATE);
        String set = "SET " + state + " = " + e.v(s(RunState.FINALIZING.name())) + ", "
                + e.n(LedgerCodec.FINALIZER) + " = " + e.v(s(claimant)) + ", "
                + e.n(LedgerCodec.FINALIZE_UNTIL) + " = " + e.v(Attrs.time(holdUntil));
        String cond = "attribute_exists(" + e.n(AwsResources.PK) + ") AND (" + state + " = " + e.v(s(RunState.RUNNING.name()))
                + " OR (" + state + " = " + e.v(s(RunState.FINALIZING.name())) + " AND (" + e.eq(LedgerCodec.FINALIZER, s(claimant))
                + " OR " + e.n(LedgerCodec.FINALIZE_UNTIL) + " <= " + e.v(Attrs.time(now)) + ")))";
        try {
            return Optional.of(LedgerCodec.decodeRun(db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId))
                    .updateExpression(set).conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes()));
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    @Override
    public boolean complete(String runId, RunState state, String summaryJson, Instant now) {
        if (!state.ended()) {
            throw new IllegalArgumentException("a run completes SUCCEEDED, PARTIAL or FAILED, not " + state);
        }
        Objects.requireNonNull(summaryJson, "summaryJson");
        Expr e = new Expr();
        String st = e.n(LedgerCodec.STATE);
        String set = "SET " + st + " = " + e.v(s(state.name())) + ", " + e.n(LedgerCodec.SUMMARY) + " = " + e.v(s(summaryJson))
                + ", " + e.n(LedgerCodec.ENDED_AT) + " = " + e.v(Attrs.time(now)) + ", "
                + e.n(AwsResources.EXPIRES_AT) + " = " + e.v(expiresAt())
                + " REMOVE " + e.n(LedgerCodec.FINALIZER) + ", " + e.n(LedgerCodec.FINALIZE_UNTIL);
        String cond = st + " = " + e.v(s(RunState.RUNNING.name())) + " OR " + st + " = " + e.v(s(RunState.FINALIZING.name()));
        Map<String, AttributeValue> ended;
        try {
            ended = db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId)).updateExpression(set)
                    .conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes();
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
        lease.release(Attrs.required(ended, LedgerCodec.SOURCE), runId);
        return true;
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
