package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The work item writes of {@link DynamoRunLedger}, each conditional on the item's state,
 * sequence and holder. Progress is merged by read, then write conditional on the values read
 * (only the holder writes a held item, so the condition fails only when the hold was lost).
 * The ender keeps holding the item, so its retry of {@code end} is recognised. Planned items
 * carry {@code expires_at} from the start, so those of a run whose start crashed expire too.
 */
final class ItemWrites {
    private static final int BATCH = 25;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient db;
    private final String table;
    private final LedgerReads reads;
    private final Supplier<AttributeValue> expiresAt;

    ItemWrites(DynamoDbClient db, String table, LedgerReads reads, Supplier<AttributeValue> expiresAt) {
        this.db = db;
        this.table = table;
        this.reads = reads;
        this.expiresAt = expiresAt;
    }

    /** The condition that the item exists, is pending and waits for {@code message}'s sequence. */
    static String awaits(Expr e, WorkItem message) {
        return "attribute_exists(" + e.n(AwsResources.PK) + ") AND " + e.eq(LedgerCodec.STATE, s(ItemState.PENDING.name()))
                + " AND " + e.eq(LedgerCodec.SEQUENCE, n(message.sequence()));
    }

    /** Records the planned items, 25 to a batch, retrying what DynamoDB left unprocessed. */
    void putPlanned(List<WorkItem> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(items.size(), from + BATCH); i++) {
                Map<String, AttributeValue> item = new HashMap<>(LedgerCodec.encodeItem(items.get(i), i));
                item.put(AwsResources.EXPIRES_AT, expiresAt.get());
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
                if (attempt == BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB table " + table + ": " + pending.get(table).size()
                            + " work items of run " + items.get(0).runId() + " were not written after " + attempt + " attempts");
                }
                Backoff.pause(attempt);
                Map<String, List<WriteRequest>> request = pending;
                pending = db.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    void release(WorkItem message, String claimant) {
        Expr e = new Expr();
        String remove = "REMOVE " + e.n(LedgerCodec.HOLDER) + ", " + e.n(LedgerCodec.HOLD_UNTIL);
        String cond = awaits(e, message) + " AND " + e.eq(LedgerCodec.HOLDER, s(claimant));
        update(message, remove, cond, e);
    }

    /**
     * Moves the item from {@code from} to {@code next}, adding progress and releasing it, with
     * {@code next} reserved for its own delivery until {@code reservedUntil}: false if not held.
     */
    boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant reservedUntil) {
        Optional<Map<String, AttributeValue>> old = held(from, claimant, false);
        if (old.isEmpty()) {
            return false;
        }
        Expr e = new Expr();
        StringBuilder set = new StringBuilder("SET ").append(e.eq(LedgerCodec.SEQUENCE, n(next.sequence())))
                .append(", ").append(e.eq(LedgerCodec.HOLD_UNTIL, Attrs.time(reservedUntil)));
        String remove = " REMOVE " + e.n(LedgerCodec.HOLDER);
        if (next.resumeToken().isPresent()) {
            set.append(", ").append(e.eq(LedgerCodec.RESUME_TOKEN, s(next.resumeToken().get())));
        } else {
            remove += ", " + e.n(LedgerCodec.RESUME_TOKEN);
        }
        return update(from, set + progressed(e, old.get(), progress) + remove, heldBy(e, from, claimant, old.get()), e);
    }

    /**
     * Ends the item for its holder: true when {@code claimant} ended it now or had ended it
     * before (a retry), false when it does not hold it.
     */
    boolean end(WorkItem item, String claimant, ItemState state, Progress progress, Optional<String> error) {
        Optional<Map<String, AttributeValue>> old = held(item, claimant, true);
        if (old.isEmpty()) {
            return false;
        }
        if (ItemState.valueOf(Attrs.required(old.get(), LedgerCodec.STATE)).ended()) {
            return true;
        }
        Expr e = new Expr();
        String set = "SET " + e.eq(LedgerCodec.STATE, s(state.name())) + ", " + e.eq(AwsResources.EXPIRES_AT, expiresAt.get())
                + progressed(e, old.get(), progress);
        Optional<String> why = state == ItemState.DONE ? Optional.empty() : error;
        String rest = why.map(w -> ", " + e.eq(LedgerCodec.ERROR, s(w))).orElse(" REMOVE " + e.n(LedgerCodec.ERROR));
        if (update(item, set + rest, heldBy(e, item, claimant, old.get()), e)) {
            return true;
        }
        return held(item, claimant, true).map(now -> ItemState.valueOf(Attrs.required(now, LedgerCodec.STATE)).ended())
                .orElse(false);
    }

    /** Ends a pending item as FAILED with {@code reason}; its holder, if any, loses it. */
    void abandon(WorkItem current, String reason) {
        Expr e = new Expr();
        String set = "SET " + e.eq(LedgerCodec.STATE, s(ItemState.FAILED.name())) + ", " + e.eq(LedgerCodec.ERROR, s(reason))
                + ", " + e.eq(AwsResources.EXPIRES_AT, expiresAt.get())
                + " REMOVE " + e.n(LedgerCodec.HOLDER) + ", " + e.n(LedgerCodec.HOLD_UNTIL);
        update(current, set, awaits(e, current), e);
    }

    /** The item as stored when {@code claimant} holds {@code message} (pending, or also ended when {@code ended}). */
    private Optional<Map<String, AttributeValue>> held(WorkItem message, String claimant, boolean ended) {
        return reads.item(message.runId(), message.key()).filter(item -> {
            ItemRecord r = LedgerCodec.decodeItem(item);
            return (ended || !r.state().ended()) && r.current().sequence() == message.sequence()
                    && LedgerCodec.holder(item).filter(claimant::equals).isPresent();
        });
    }

    /** Held by {@code claimant}, pending, at {@code message}, and unchanged since {@code old} was read. */
    private static String heldBy(Expr e, WorkItem message, String claimant, Map<String, AttributeValue> old) {
        return awaits(e, message) + " AND " + e.eq(LedgerCodec.HOLDER, s(claimant))
                + " AND " + e.eq(LedgerCodec.PAGES, n(Attrs.number(old, LedgerCodec.PAGES)))
                + " AND " + e.eq(LedgerCodec.BUSY_NANOS, n(Attrs.number(old, LedgerCodec.BUSY_NANOS)));
    }

    /** {@code , rows = ..., pages = ..., busy_nanos = ...}: the stored progress plus {@code p}. */
    private static String progressed(Expr e, Map<String, AttributeValue> old, Progress p) {
        Map<String, Long> rows = new HashMap<>(LedgerCodec.rows(old));
        p.rows().forEach((t, c) -> rows.merge(t, c, Long::sum));
        return ", " + e.eq(LedgerCodec.ROWS, LedgerCodec.encodeRows(rows))
                + ", " + e.eq(LedgerCodec.PAGES, n(Attrs.number(old, LedgerCodec.PAGES) + p.pages()))
                + ", " + e.eq(LedgerCodec.BUSY_NANOS, n(Attrs.number(old, LedgerCodec.BUSY_NANOS) + p.busy().toNanos()));
    }

    private boolean update(WorkItem message, String expression, String condition, Expr e) {
        try {
            db.updateItem(b -> b.tableName(table).key(LedgerCodec.itemKey(message.runId(), message.key()))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }
}
