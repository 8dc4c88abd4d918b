package dev.sluice.infra;

import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.run.RunRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One active run per source (DESIGN.md invariant 7): the lease item {@code lease#<source>}
 * names the run holding it until {@code lease_until}, the run's deadline, which progress
 * pushes forward. Taken by a conditional put; a lease whose run ended or stalled (a crash
 * between writes) is taken over by a put conditional on that run still being named.
 */
final class SourceLease {
    private final DynamoDbClient db;
    private final String table;

    SourceLease(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Takes the lease for {@code run}: empty when taken, else the id of the active run holding it. */
    Optional<String> take(RunRecord run, RunReader runs) {
        Instant now = run.startedAt();
        for (int attempt = 0; attempt < 3; attempt++) {
            Expr e = new Expr();
            String free = "attribute_not_exists(" + e.n(AwsResources.PK) + ") OR " + e.eq(LedgerCodec.RUN_ID, s(run.id()))
                    + " OR " + e.n(LedgerCodec.LEASE_UNTIL) + " <= " + e.v(Attrs.time(now));
            Attempt first = put(run, free, e);
            if (first.taken()) {
                return Optional.empty();
            }
            if (first.holder().isEmpty()) {
                continue;
            }
            String holder = first.holder().get();
            Optional<RunRecord> active = runs.read(holder);
            if (active.isPresent() && !active.get().state().ended() && active.get().deadline().isAfter(now)) {
                return Optional.of(holder);
            }
            Expr stale = new Expr();
            if (put(run, stale.eq(LedgerCodec.RUN_ID, s(holder)), stale).taken()) {
                return Optional.empty();
            }
        }
        return Optional.of(current(run.run().sourceName()).orElse("(unknown)"));
    }

    /** Moves the lease's expiry to {@code deadline} while {@code runId} holds it. */
    void push(String source, String runId, Instant deadline) {
        Expr e = new Expr();
        String set = "SET " + e.n(LedgerCodec.LEASE_UNTIL) + " = " + e.v(Attrs.time(deadline));
        String cond = e.eq(LedgerCodec.RUN_ID, s(runId));
        try {
            db.updateItem(b -> b.tableName(table).key(LedgerCodec.leaseKey(source)).updateExpression(set)
                    .conditionExpression(cond).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException lost) {
            // another run holds the lease now: nothing to push
        }
    }

    /** Gives the lease up if {@code runId} holds it. */
    void release(String source, String runId) {
        Expr e = new Expr();
        String cond = e.eq(LedgerCodec.RUN_ID, s(runId));
        try {
            db.deleteItem(b -> b.tableName(table).key(LedgerCodec.leaseKey(source)).conditionExpression(cond)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException gone) {
            // already released or taken over
        }
    }

    /** A conditional put of the lease: taken, or the run holding it (empty if the lease vanished meanwhile). */
    private record Attempt(boolean taken, Optional<String> holder) {
    }

    private Attempt put(RunRecord run, String condition, Expr e) {
        Map<String, AttributeValue> item = new HashMap<>(LedgerCodec.leaseKey(run.run().sourceName()));
        item.put(LedgerCodec.RUN_ID, s(run.id()));
        item.put(LedgerCodec.LEASE_UNTIL, Attrs.time(run.deadline()));
        try {
            db.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Attempt(true, Optional.empty());
        } catch (ConditionalCheckFailedException taken) {
            if (taken.hasItem() && taken.item().containsKey(LedgerCodec.RUN_ID)) {
                return new Attempt(false, Attrs.string(taken.item(), LedgerCodec.RUN_ID));
            }
            return new Attempt(false, current(run.run().sourceName()));
        }
    }

    private Optional<String> current(String source) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(LedgerCodec.leaseKey(source))
                .consistentRead(true)).item();
        return item == null ? Optional.empty() : Attrs.string(item, LedgerCodec.RUN_ID);
    }

    /** Reads a run record by id. */
    interface RunReader {
        Optional<RunRecord> read(String runId);
    }
}
